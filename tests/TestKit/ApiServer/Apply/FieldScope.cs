namespace Skyforge.TestKit.ApiServer.Apply;

/// <summary>Which part of an object a write may change: everything but status, or status only.</summary>
internal enum FieldScope
{
    /// <summary>The main endpoint of a type without a status subresource: the whole object.</summary>
    Whole,

    /// <summary>The main endpoint of a type with a status subresource: everything except status.</summary>
    ExceptStatus,

    /// <summary>The <c>/status</c> subresource.</summary>
    StatusOnly,
}
