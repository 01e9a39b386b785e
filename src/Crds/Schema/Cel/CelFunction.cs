namespace Skyforge.Crds.Schema.Cel;

/// <summary>
/// A library function. <see cref="IsMember"/> functions are called as <c>receiver.name(args)</c> and get
/// the receiver as their first argument; argument counts exclude the receiver.
/// </summary>
internal sealed record CelFunction(string Name, bool IsMember, int MinArguments, int MaxArguments, Func<object[], object> Body);
