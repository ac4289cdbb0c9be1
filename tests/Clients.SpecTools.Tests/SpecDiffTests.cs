using System.Text.Json.Nodes;

namespace Clients.SpecTools.Tests;

public sealed class SpecDiffTests
{
    private static SpecChange Single(SpecDiffReport report)
    {
        report.Changes.Should().ContainSingle(report.ToText());
        return report.Changes[0];
    }

    [Fact]
    public void Identical_documents_have_no_changes()
    {
        var bytes = CommittedSpecs.ReadOvh("v1/vps");

        var report = SpecDiff.Compare("ovh", DiffInput.Raw("v1/vps", bytes), DiffInput.Raw("v1/vps", bytes.ToArray()));

        report.HasChanges.Should().BeFalse();
        report.HasBreakingChanges.Should().BeFalse();
        report.ToText().Should().Be("ovh: no semantic changes\n");
    }

    [Fact]
    public void One_operation_removed_and_one_added_in_a_mirror_document_are_exactly_two_changes()
    {
        var before = CommittedSpecs.LoadOvhNode("v1/vps");
        var after = CommittedSpecs.LoadOvhNode("v1/vps");
        var paths = after["paths"]!.AsObject();
        paths["/vps/{serviceName}/abortSnapshot"]!.AsObject().Remove("post").Should().BeTrue();
        paths["/vps/{serviceName}/brandNew"] = new JsonObject { ["get"] = paths["/vps/{serviceName}"]!["get"]!.DeepClone() };

        var report = SpecDiff.Compare("ovh", DiffInput.Of(("v1/vps", before)), DiffInput.Of(("v1/vps", after)));

        report.Changes.Should().HaveCount(2, report.ToText());
        report.Changes.Should().ContainSingle(c => c.Kind == SpecChangeKind.OperationRemoved)
            .Which.Should().Match<SpecChange>(c => c.Breaking && c.Subject == "POST /vps/{serviceName}/abortSnapshot" && c.Document == "v1/vps");
        report.Changes.Should().ContainSingle(c => c.Kind == SpecChangeKind.OperationAdded)
            .Which.Should().Match<SpecChange>(c => !c.Breaking && c.Subject == "GET /vps/{serviceName}/brandNew");
        report.HasBreakingChanges.Should().BeTrue();
    }

    [Fact]
    public void A_required_parameter_added_is_breaking()
    {
        var after = DiffInput.Fixture();
        DiffInput.Operation(after, "/search", "get")["parameters"]!.AsArray()
            .Add(new JsonObject { ["in"] = "query", ["name"] = "page", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "integer" } });

        var change = Single(DiffInput.Compare(DiffInput.Fixture(), after));

        change.Should().Be(new SpecChange(SpecChangeKind.OperationChanged, "fixture", "GET /search", "parameter 'page' (query) added, required", true));
    }

    [Fact]
    public void An_optional_parameter_added_is_not_breaking()
    {
        var after = DiffInput.Fixture();
        DiffInput.Operation(after, "/search", "get")["parameters"]!.AsArray()
            .Add(new JsonObject { ["in"] = "query", ["name"] = "page", ["schema"] = new JsonObject { ["type"] = "integer" } });

        var change = Single(DiffInput.Compare(DiffInput.Fixture(), after));

        change.Should().Be(new SpecChange(SpecChangeKind.OperationChanged, "fixture", "GET /search", "parameter 'page' (query) added, optional", false));
    }

    [Fact]
    public void A_parameter_removed_is_breaking_and_becoming_required_is_breaking()
    {
        var removed = DiffInput.Fixture();
        DiffInput.Operation(removed, "/search", "get")["parameters"]!.AsArray().Clear();
        var required = DiffInput.Fixture();
        DiffInput.Operation(required, "/search", "get")["parameters"]![0]!["required"] = true;

        Single(DiffInput.Compare(DiffInput.Fixture(), removed)).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "parameter 'q' (query) removed");
        Single(DiffInput.Compare(DiffInput.Fixture(), required)).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "parameter 'q' (query): now required");
        Single(DiffInput.Compare(required, DiffInput.Fixture())).Should().Match<SpecChange>(c => !c.Breaking && c.Detail == "parameter 'q' (query): no longer required");
    }

    [Fact]
    public void A_parameter_type_change_is_breaking()
    {
        var after = DiffInput.Fixture();
        DiffInput.Operation(after, "/things/{id}", "get")["parameters"]![0]!["schema"] = new JsonObject { ["type"] = "string" };

        var change = Single(DiffInput.Compare(DiffInput.Fixture(), after));

        change.Should().Be(new SpecChange(SpecChangeKind.OperationChanged, "fixture", "GET /things/{id}", "parameter 'id' (path): type integer → string", true));
    }

    [Fact]
    public void A_renamed_path_parameter_is_one_non_breaking_change_not_a_removal_and_an_addition()
    {
        var after = DiffInput.Fixture();
        var paths = after["paths"]!.AsObject();
        var item = paths["/things/{id}"]!.DeepClone();
        paths.Remove("/things/{id}");
        item["get"]!["parameters"]![0]!["name"] = "thingId";
        paths["/things/{thingId}"] = item;

        var change = Single(DiffInput.Compare(DiffInput.Fixture(), after));

        change.Should().Be(new SpecChange(SpecChangeKind.OperationChanged, "fixture", "GET /things/{thingId}",
            "path parameters renamed: /things/{id} → /things/{thingId}", false));
    }

    [Fact]
    public void A_response_property_removed_from_an_inline_schema_is_breaking()
    {
        var after = DiffInput.Fixture();
        DiffInput.Operation(after, "/search", "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!.AsObject().Remove("total");

        var change = Single(DiffInput.Compare(DiffInput.Fixture(), after));

        change.Should().Be(new SpecChange(SpecChangeKind.OperationChanged, "fixture", "GET /search", "response 200 property 'total': removed", true));
    }

    [Fact]
    public void A_response_property_removed_from_a_named_schema_is_breaking_and_names_the_affected_operations()
    {
        var after = DiffInput.Fixture();
        DiffInput.Schema(after, "Thing")["properties"]!.AsObject().Remove("name");

        var change = Single(DiffInput.Compare(DiffInput.Fixture(), after));

        change.Kind.Should().Be(SpecChangeKind.SchemaChanged);
        change.Subject.Should().Be("schema Thing");
        change.Detail.Should().Be("property 'name': removed");
        change.Breaking.Should().BeTrue();
        change.AffectedOperations.Should().Equal("GET /search", "POST /things", "GET /things/{id}");
    }

    [Fact]
    public void A_response_property_added_is_not_breaking()
    {
        var after = DiffInput.Fixture();
        DiffInput.Schema(after, "Thing")["properties"]!["color"] = new JsonObject { ["type"] = "string" };

        Single(DiffInput.Compare(DiffInput.Fixture(), after)).Should().Match<SpecChange>(c => !c.Breaking && c.Detail == "property 'color': added");
    }

    [Fact]
    public void A_required_request_property_added_is_breaking_an_optional_one_is_not()
    {
        var required = DiffInput.Fixture();
        DiffInput.Schema(required, "NewThing")["properties"]!["size"] = new JsonObject { ["type"] = "integer" };
        DiffInput.Schema(required, "NewThing")["required"]!.AsArray().Add("size");
        var optional = DiffInput.Fixture();
        DiffInput.Schema(optional, "NewThing")["properties"]!["size"] = new JsonObject { ["type"] = "integer" };

        Single(DiffInput.Compare(DiffInput.Fixture(), required)).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "property 'size': added, required");
        Single(DiffInput.Compare(DiffInput.Fixture(), optional)).Should().Match<SpecChange>(c => !c.Breaking && c.Detail == "property 'size': added");
    }

    [Fact]
    public void A_required_property_added_to_a_response_only_schema_is_not_breaking()
    {
        var after = DiffInput.Fixture();
        DiffInput.Schema(after, "Thing")["properties"]!["size"] = new JsonObject { ["type"] = "integer" };
        DiffInput.Schema(after, "Thing")["required"]!.AsArray().Add("size");

        Single(DiffInput.Compare(DiffInput.Fixture(), after)).Should().Match<SpecChange>(c => !c.Breaking && c.Detail == "property 'size': added, required");
    }

    [Fact]
    public void Enum_values_are_classified_by_direction()
    {
        var requestRemoved = DiffInput.Fixture();
        DiffInput.Schema(requestRemoved, "NewThing")["properties"]!["kind"]!["enum"] = new JsonArray("a");
        var requestAdded = DiffInput.Fixture();
        DiffInput.Schema(requestAdded, "NewThing")["properties"]!["kind"]!["enum"] = new JsonArray("a", "b", "c");
        var responseAdded = DiffInput.Fixture();
        DiffInput.Schema(responseAdded, "State")["enum"] = new JsonArray("on", "off", "broken");
        var responseRemoved = DiffInput.Fixture();
        DiffInput.Schema(responseRemoved, "State")["enum"] = new JsonArray("on");

        Single(DiffInput.Compare(DiffInput.Fixture(), requestRemoved)).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "property 'kind': enum value \"b\" removed");
        Single(DiffInput.Compare(DiffInput.Fixture(), requestAdded)).Should().Match<SpecChange>(c => !c.Breaking && c.Detail == "property 'kind': enum value \"c\" added");
        Single(DiffInput.Compare(DiffInput.Fixture(), responseAdded)).Should().Match<SpecChange>(c => !c.Breaking && c.Subject == "schema State" && c.Detail == "enum value \"broken\" added", "the generated enums are open");
        Single(DiffInput.Compare(DiffInput.Fixture(), responseRemoved)).Should().Match<SpecChange>(c => !c.Breaking && c.Detail == "enum value \"off\" removed");
    }

    [Fact]
    public void Nullability_and_required_changes_in_responses_are_classified_for_a_reader()
    {
        var nullable = DiffInput.Fixture();
        DiffInput.Schema(nullable, "Thing")["properties"]!["name"]!["nullable"] = true;
        var optional = DiffInput.Fixture();
        DiffInput.Schema(optional, "Thing")["required"] = new JsonArray();

        Single(DiffInput.Compare(DiffInput.Fixture(), nullable)).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "property 'name': now nullable");
        Single(DiffInput.Compare(DiffInput.Fixture(), optional)).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "property 'id': no longer required");
        Single(DiffInput.Compare(optional, DiffInput.Fixture())).Should().Match<SpecChange>(c => !c.Breaking && c.Detail == "property 'id': now required");
    }

    [Fact]
    public void A_format_change_is_breaking()
    {
        var after = DiffInput.Fixture();
        DiffInput.Schema(after, "Thing")["properties"]!["id"]!["format"] = "int32";

        Single(DiffInput.Compare(DiffInput.Fixture(), after)).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "property 'id': format int64 → int32");
    }

    [Fact]
    public void Schemas_added_and_removed_are_reported()
    {
        var after = DiffInput.Fixture();
        DiffInput.Schema(after, "NewThing").Parent!.AsObject()["Extra"] = new JsonObject { ["type"] = "object" };
        var removed = DiffInput.Fixture();
        removed["components"]!["schemas"]!.AsObject().Add("Orphan", new JsonObject { ["type"] = "string" });

        Single(DiffInput.Compare(DiffInput.Fixture(), after)).Should().Be(new SpecChange(SpecChangeKind.SchemaAdded, "fixture", "schema Extra", "schema added", false));
        Single(DiffInput.Compare(removed, DiffInput.Fixture())).Should().Be(new SpecChange(SpecChangeKind.SchemaRemoved, "fixture", "schema Orphan", "schema removed", true));
    }

    [Fact]
    public void Deprecating_an_operation_is_a_non_breaking_change()
    {
        var after = DiffInput.Fixture();
        DiffInput.Operation(after, "/search", "get")["deprecated"] = true;

        Single(DiffInput.Compare(DiffInput.Fixture(), after)).Should().Be(new SpecChange(SpecChangeKind.OperationChanged, "fixture", "GET /search", "deprecated", false));
    }

    [Fact]
    public void Request_and_response_bodies_are_compared()
    {
        var noBody = DiffInput.Fixture();
        DiffInput.Operation(noBody, "/things", "post").Remove("requestBody");
        var otherCode = DiffInput.Fixture();
        var responses = DiffInput.Operation(otherCode, "/things", "post")["responses"]!.AsObject();
        var created = responses["201"]!.DeepClone();
        responses.Remove("201");
        responses["200"] = created;

        Single(DiffInput.Compare(DiffInput.Fixture(), noBody)).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "request body removed");
        Single(DiffInput.Compare(noBody, DiffInput.Fixture())).Should().Match<SpecChange>(c => c.Breaking && c.Detail == "request body added, required");
        DiffInput.Compare(DiffInput.Fixture(), otherCode).Changes.Select(c => (c.Detail, c.Breaking))
            .Should().Equal(("response 200 added", false), ("response 201 removed", true));
    }

    [Fact]
    public void A_reference_to_a_renamed_schema_is_compared_structurally()
    {
        var after = JsonNode.Parse(DiffInput.Fixture().ToJsonString().Replace("#/components/schemas/State", "#/components/schemas/Status", StringComparison.Ordinal))!.AsObject();
        var schemas = after["components"]!["schemas"]!.AsObject();
        var state = schemas["State"]!.DeepClone();
        schemas.Remove("State");
        schemas["Status"] = state;

        var report = DiffInput.Compare(DiffInput.Fixture(), after);

        report.Changes.Select(c => (c.Kind, c.Subject, c.Detail, c.Breaking)).Should().Equal(
            (SpecChangeKind.SchemaRemoved, "schema State", "schema removed", true),
            (SpecChangeKind.SchemaAdded, "schema Status", "schema added", false),
            (SpecChangeKind.SchemaChanged, "schema Thing", "property 'state': schema State → Status (structurally identical)", false));
    }

    [Fact]
    public void Recursive_schemas_renamed_in_a_mirror_document_terminate()
    {
        const string name = "me.repricing.Service";
        var text = System.Text.Encoding.UTF8.GetString(CommittedSpecs.ReadOvh("v1/me"));
        var after = JsonNode.Parse(text.Replace($"\"#/components/schemas/{name}\"", $"\"#/components/schemas/{name}V2\"", StringComparison.Ordinal))!;
        var schemas = after["components"]!["schemas"]!.AsObject();
        var schema = schemas[name]!.DeepClone();
        schemas.Remove(name);
        schemas[name + "V2"] = schema;
        schema["properties"]!["addons"]!["items"] = new JsonObject { ["$ref"] = $"#/components/schemas/{name}V2" };

        var report = SpecDiff.Compare("ovh", DiffInput.Raw("v1/me", CommittedSpecs.ReadOvh("v1/me")), DiffInput.Of(("v1/me", after)));

        report.Changes.Should().Contain(c => c.Kind == SpecChangeKind.SchemaRemoved && c.Subject == $"schema {name}" && c.Breaking && c.AffectedOperations.Count > 0);
        report.Changes.Should().Contain(c => c.Kind == SpecChangeKind.SchemaAdded && c.Subject == $"schema {name}V2");
        report.Changes.Where(c => c.Kind is not (SpecChangeKind.SchemaAdded or SpecChangeKind.SchemaRemoved))
            .Should().NotBeEmpty().And.OnlyContain(c => !c.Breaking && c.Detail.Contains($"schema {name} → {name}V2 (structurally identical)"));
    }

    [Fact]
    public void Every_mirror_document_diffed_against_itself_has_no_changes()
    {
        var documents = CommittedSpecs.OvhDocuments().ToDictionary(d => d.Key, d => (ReadOnlyMemory<byte>)File.ReadAllBytes(d.Path), StringComparer.Ordinal);

        var report = SpecDiff.Compare("ovh", documents, documents);

        report.Changes.Should().BeEmpty();
    }

    [Fact]
    public void Documents_added_and_removed_are_reported()
    {
        var vps = CommittedSpecs.ReadOvh("v1/vps");
        var ip = CommittedSpecs.ReadOvh("v1/ip");

        var report = SpecDiff.Compare("ovh", DiffInput.Raw("v1/vps", vps), DiffInput.Raw("v1/ip", ip));

        report.Changes.Select(c => (c.Kind, c.Document, c.Breaking)).Should().Equal(
            (SpecChangeKind.DocumentAdded, "v1/ip", false),
            (SpecChangeKind.DocumentRemoved, "v1/vps", true));
        report.Changes[1].Detail.Should().Be("document removed (91 operations, 117 schemas)");
    }

    [Fact]
    public void An_unparseable_document_is_refused_with_its_name()
    {
        var act = () => SpecDiff.Compare("ovh", DiffInput.Raw("v1/vps", "{\"openapi\":"u8.ToArray()), DiffInput.Raw("v1/vps", CommittedSpecs.ReadOvh("v1/vps")));

        act.Should().Throw<InvalidDataException>().WithMessage("*ovh document 'v1/vps' (old version)*truncated*");
    }

    [Fact]
    public void Swagger_2_documents_are_compared()
    {
        static JsonObject Swagger(bool changed)
        {
            var document = JsonNode.Parse("""
                {"swagger":"2.0","info":{"title":"t","version":"1"},
                 "paths":{"/v1/vehicles":{"get":{"parameters":[{"in":"query","name":"page","type":"integer"}],
                   "responses":{"200":{"description":"ok","schema":{"type":"array","items":{"$ref":"#/definitions/Vehicle"}}}}}}},
                 "definitions":{"Vehicle":{"type":"object","properties":{"vin":{"type":"string"},"plate":{"type":"string"}}}}}
                """)!.AsObject();
            if (changed)
            {
                document["paths"]!["/v1/vehicles"]!["get"]!["parameters"]!.AsArray()
                    .Add(new JsonObject { ["in"] = "query", ["name"] = "limit", ["type"] = "integer", ["required"] = true });
                document["definitions"]!["Vehicle"]!["properties"]!.AsObject().Remove("plate");
            }

            return document;
        }

        var report = DiffInput.Compare(Swagger(false), Swagger(true));

        report.Changes.Select(c => (c.Subject, c.Detail, c.Breaking)).Should().Equal(
            ("GET /v1/vehicles", "parameter 'limit' (query) added, required", true),
            ("schema Vehicle", "property 'plate': removed", true));
    }

    [Fact]
    public void A_reference_that_no_longer_resolves_is_a_breaking_change()
    {
        var after = DiffInput.Fixture();
        DiffInput.Operation(after, "/things/{id}", "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"] = "#/components/schemas/Gone";

        var change = Single(DiffInput.Compare(DiffInput.Fixture(), after));

        change.Should().Be(new SpecChange(SpecChangeKind.OperationChanged, "fixture", "GET /things/{id}",
            "response 200: schema Thing → (unresolvable $ref '#/components/schemas/Gone')", true));
    }

    [Fact]
    public void A_property_named_example_is_followed_for_schema_usage()
    {
        var before = DiffInput.Fixture();
        DiffInput.Schema(before, "Thing")["properties"]!["example"] = new JsonObject { ["$ref"] = "#/components/schemas/NewThing" };
        var after = before.DeepClone().AsObject();
        DiffInput.Schema(after, "NewThing")["properties"]!.AsObject().Remove("kind");

        var change = Single(DiffInput.Compare(before, after));

        change.AffectedOperations.Should().Equal("GET /search", "POST /things", "GET /things/{id}");
    }

    [Fact]
    public void A_named_schema_inlined_with_the_same_shape_is_not_reported_as_changed_nullability()
    {
        var before = DiffInput.Fixture();
        DiffInput.Schema(before, "State")["nullable"] = true;
        var after = before.DeepClone().AsObject();
        DiffInput.Schema(after, "Thing")["properties"]!["state"] = DiffInput.Schema(before, "State").DeepClone();

        var change = Single(DiffInput.Compare(before, after));

        change.Should().Be(new SpecChange(SpecChangeKind.SchemaChanged, "fixture", "schema Thing", "property 'state': schema State → (inline) (structurally identical)", false)
        {
            AffectedOperations = ["GET /search", "POST /things", "GET /things/{id}"],
        });
    }

    [Fact]
    public void A_changed_ovh_schema_names_the_property_and_the_operations_it_affects()
    {
        var after = CommittedSpecs.LoadOvhNode("v1/domain");
        var record = after["components"]!["schemas"]!["domain.zone.Record"]!.AsObject();
        record["properties"]!["ttl"]!["type"] = "string";
        record["properties"]!["weight"] = new JsonObject { ["type"] = "integer", ["readOnly"] = true };
        record["required"] = new JsonArray("weight");

        var report = SpecDiff.Compare("ovh", DiffInput.Raw("v1/domain", CommittedSpecs.ReadOvh("v1/domain")), DiffInput.Of(("v1/domain", after)));

        report.Changes.Select(c => (c.Kind, c.Subject, c.Detail, c.Breaking)).Should().Equal(
            (SpecChangeKind.SchemaChanged, "schema domain.zone.Record", "property 'ttl': type integer → string", true),
            (SpecChangeKind.SchemaChanged, "schema domain.zone.Record", "property 'weight': added, required", false));
        report.Changes[0].AffectedOperations.Should().Equal("POST /domain/zone/{zoneName}/record", "GET /domain/zone/{zoneName}/record/{id}");
        report.ToText().Should().Contain("v1/domain: schema domain.zone.Record: property 'ttl': type integer → string [affects ");
    }

    [Fact]
    public void A_reference_to_a_renamed_schema_that_became_nullable_reports_it()
    {
        var after = JsonNode.Parse(DiffInput.Fixture().ToJsonString().Replace("#/components/schemas/State", "#/components/schemas/Status", StringComparison.Ordinal))!.AsObject();
        var schemas = after["components"]!["schemas"]!.AsObject();
        var state = schemas["State"]!.DeepClone();
        state["nullable"] = true;
        schemas.Remove("State");
        schemas["Status"] = state;

        var report = DiffInput.Compare(DiffInput.Fixture(), after);

        report.Changes.Where(c => c.Kind == SpecChangeKind.SchemaChanged).Select(c => (c.Detail, c.Breaking)).Should().Equal(
            ("property 'state': now nullable", true),
            ("property 'state': schema State → Status", false));
    }
}
