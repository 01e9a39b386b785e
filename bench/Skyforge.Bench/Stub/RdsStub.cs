using System.Xml.Linq;

namespace Skyforge.Bench.Stub;

/// <summary>RDS as far as ManagedDatabase on RDS needs it: subnet and parameter groups, and instances that are available at once.</summary>
internal sealed class RdsStub(string region) : IStubService
{
    private const string Instances = "instances";

    private readonly QueryStore _store = new($"arn:aws:rds:{region}:{AwsStubServer.AccountId}");

    public string Service => "rds";

    public StubResponse? Handle(StubRequest request) => request.Operation switch
    {
        "CreateDBSubnetGroup" => _store.Create(request, "subnet-groups", "DBSubnetGroupName", "subgrp", "DBSubnetGroupAlreadyExists", group => group.Render("DBSubnetGroup")),
        "CreateDBParameterGroup" => _store.Create(request, "parameter-groups", "DBParameterGroupName", "pg", "DBParameterGroupAlreadyExists", group => group.Render("DBParameterGroup")),
        "ModifyDBParameterGroup" => _store.Modify(request, "parameter-groups", "DBParameterGroupName", "DBParameterGroupNotFound",
            _ => StubResponse.Element("DBParameterGroupName", request.Field("DBParameterGroupName"))),
        "CreateDBInstance" => _store.Create(request, Instances, "DBInstanceIdentifier", "db", "DBInstanceAlreadyExists", Instance),
        "ModifyDBInstance" => _store.Modify(request, Instances, "DBInstanceIdentifier", "DBInstanceNotFound", Instance),
        "DescribeDBInstances" => _store.Describe(request, Instances, "DBInstanceIdentifier", "DBInstances", "DBInstanceNotFound", Instance),
        "ListTagsForResource" => _store.ListTags(request, "DBInstanceNotFound"),
        "AddTagsToResource" => _store.AddTags(request, "DBInstanceNotFound"),
        _ => null,
    };

    private static XElement Instance(QueryResource instance)
    {
        var port = instance.Field("Port") ?? (instance.Field("Engine") is "mysql" ? "3306" : "5432");
        return instance.Render("DBInstance",
            StubResponse.Element("DBInstanceStatus", "available"),
            StubResponse.Element("DBInstanceArn", instance.Arn),
            StubResponse.Element("Endpoint",
                StubResponse.Element("Address", $"{instance.Field("DBInstanceIdentifier")}.stub.{AwsStubServer.AccountId}.rds.local"),
                StubResponse.Element("Port", port)),
            StubResponse.Element("DbInstancePort", port),
            StubResponse.Element("StorageEncrypted", "true"),
            instance.TagList());
    }
}
