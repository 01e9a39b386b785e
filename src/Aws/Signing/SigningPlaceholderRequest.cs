using Amazon.Runtime;

namespace Skyforge.Aws.Signing;

/// <summary>AWSSDK.Core's request object requires an originating SDK request; Skyforge's typed records are not SDK requests.</summary>
internal sealed class SigningPlaceholderRequest : AmazonWebServiceRequest;
