namespace Skyforge.Operator.Hosting.Endpoints;

/// <summary>Which of the two listeners a connection arrived on; each serves only its own paths.</summary>
public enum ListenerRole
{
    Metrics,
    Health,
}
