package dev.counterfeit.openapi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.counterfeit.openapi.ApiSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the model reads each property-level {@code x-counterfeit-*} extension (CONVENTIONS.md). */
class PropertyTest {
  private static final ApiModel MODEL = ApiModel.compile(ApiSpec.fromText("t", """
      openapi: 3.1.0
      info: {title: t, version: '1'}
      paths:
        /clients:
          post:
            operationId: createClient
            x-counterfeit-action: create
            x-counterfeit-resource: clients
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      name: {type: string}
                      countryId: {type: integer, x-counterfeit-ref: countries}
                      owner: {$ref: '#/components/schemas/UserId', x-counterfeit-ref: users}
                      manager: {$ref: '#/components/schemas/UserId'}
            responses:
              '201':
                description: created
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Client'}
          get:
            operationId: listClients
            x-counterfeit-action: list
            x-counterfeit-resource: clients
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: array
                      items: {$ref: '#/components/schemas/Client'}
      components:
        schemas:
          UserId: {type: integer, x-counterfeit-ref: people}
          Country:
            type: object
            properties:
              id: {type: integer}
          Node:
            type: object
            properties:
              children:
                type: array
                items: {$ref: '#/components/schemas/Node'}
          Client:
            type: object
            properties:
              id: {type: string, format: uuid, x-counterfeit-value: id}
              createdAt: {type: string, x-counterfeit-value: created-at}
              updatedAt: {type: string, x-counterfeit-value: updated-at}
              company: {type: integer, x-counterfeit-value: tenant}
              number: {type: integer, x-counterfeit-value: tenant-sequence}
              changed: {type: array, items: {type: string}, x-counterfeit-value: updated-fields}
              '@id': {type: string, x-counterfeit-value: self}
              token: {type: string, x-counterfeit-value: token}
              '@type': {const: Client}
              kind:
                type: string
                default: person
                x-counterfeit-infer: {when-any: [taxId, vatId], then: company, else: person}
              flag: {type: boolean, x-counterfeit-infer: {when-any: [vatId], then: true, always: true}}
              country:
                oneOf:
                  - $ref: '#/components/schemas/Country'
                  - type: 'null'
                x-counterfeit-embed: {resource: countries, from: countryId}
              accounts:
                type: array
                items: {$ref: '#/components/schemas/Country'}
                x-counterfeit-embed: {resource: accounts, backref: client_id}
              contacts:
                type: array
                items: {type: string, format: iri-reference}
                x-counterfeit-embed: {resource: contacts, backref: client, as: iri}
              address:
                type: object
                x-counterfeit-nest: true
                properties:
                  street: {type: string}
              balance: {type: number, x-counterfeit-volatile: true}
              note: {type: [string, 'null']}
              tree: {$ref: '#/components/schemas/Node'}
      """));

  private static ObjectSchema client() {
    return MODEL.object(MODEL.operation("createClient").response(201).orElseThrow().content()
        .get("application/json").schemaNode());
  }

  private static Property clientProperty(String name) {
    return client().property(name).orElseThrow();
  }

  private static Property bodyProperty(String name) {
    return MODEL.object(MODEL.operation("createClient").body().schemaNode()).property(name).orElseThrow();
  }

  @Test
  void valueNamesWhatTheServerGeneratesAndAnUnmarkedPropertyIsStored() {
    assertThat(clientProperty("id").generated()).isEqualTo(Generated.ID);
    assertThat(clientProperty("createdAt").generated()).isEqualTo(Generated.CREATED_AT);
    assertThat(clientProperty("updatedAt").generated()).isEqualTo(Generated.UPDATED_AT);
    assertThat(clientProperty("company").generated()).isEqualTo(Generated.TENANT);
    assertThat(clientProperty("number").generated()).isEqualTo(Generated.TENANT_SEQUENCE);
    assertThat(clientProperty("changed").generated()).isEqualTo(Generated.UPDATED_FIELDS);
    assertThat(clientProperty("@id").generated()).isEqualTo(Generated.SELF);
    assertThat(clientProperty("token").generated()).isEqualTo(Generated.TOKEN);
    assertThat(clientProperty("note").generated()).isNull();
    assertThat(client().generated(Generated.ID)).get().extracting(Property::name).isEqualTo("id");
  }

  @Test
  void anUnknownValueFailsTheSpec() {
    assertThatThrownBy(() -> withClientProperty("id: {type: string, x-counterfeit-value: uuid}"))
        .isInstanceOf(SpecException.class).hasMessageContaining("unknown x-counterfeit-value 'uuid'");
  }

  @Test
  void embedFromShowsOneItemNamedByAFieldOfTheRecord() {
    Property country = clientProperty("country");
    assertThat(country.embed()).isEqualTo(new Property.Embed("countries", "countryId", null, false));
    assertThat(country.embed().byBackref()).isFalse();
    assertThat(country.object().properties()).extracting(Property::name).containsExactly("id");
    assertThat(country.nullable()).isTrue();
  }

  @Test
  void embedByBackrefShowsTheItemsPointingBackAsObjectsOrIris() {
    Property accounts = clientProperty("accounts");
    assertThat(accounts.embed()).isEqualTo(new Property.Embed("accounts", null, "client_id", false));
    assertThat(accounts.embed().byBackref()).isTrue();
    assertThat(accounts.object()).as("the items' object").isSameAs(clientProperty("country").object());
    Property contacts = clientProperty("contacts");
    assertThat(contacts.embed()).isEqualTo(new Property.Embed("contacts", null, "client", true));
    assertThat(contacts.object()).as("IRIs hold no object").isNull();
  }

  @Test
  void anEmbedNeedsAResourceAndExactlyOneOfFromAndBackref() {
    for (String embed : List.of("{from: countryId}", "{resource: countries}",
        "{resource: countries, from: countryId, backref: client}", "countries")) {
      assertThatThrownBy(() -> withClientProperty("country: {type: object, x-counterfeit-embed: " + embed + "}"))
          .as(embed).isInstanceOf(SpecException.class)
          .hasMessageContaining("x-counterfeit-embed needs a resource and either from or backref");
    }
  }

  @Test
  void nestBuildsAnObjectFromFlatFields() {
    Property address = clientProperty("address");
    assertThat(address.nest()).isTrue();
    assertThat(address.object().properties()).extracting(Property::name).containsExactly("street");
    assertThat(clientProperty("country").nest()).isFalse();
  }

  @Test
  void refNamesTheCollectionAndOneBesideARefWinsOverTheTargets() {
    assertThat(bodyProperty("countryId").ref()).isEqualTo("countries");
    assertThat(bodyProperty("owner").ref()).isEqualTo("users");
    assertThat(bodyProperty("manager").ref()).as("read on the $ref's target").isEqualTo("people");
    assertThat(bodyProperty("name").ref()).isNull();
    assertThatThrownBy(() -> withClientProperty("countryId: {type: integer, x-counterfeit-ref: ''}"))
        .isInstanceOf(SpecException.class).hasMessageContaining("x-counterfeit-ref must name a collection");
  }

  @Test
  void inferReadsItsFieldsValuesAndWhetherItAlwaysApplies() {
    assertThat(clientProperty("kind").infer()).isEqualTo(new Property.Inference(List.of("taxId", "vatId"),
        TextNode.valueOf("company"), TextNode.valueOf("person"), false));
    assertThat(clientProperty("flag").infer())
        .isEqualTo(new Property.Inference(List.of("vatId"), BooleanNode.TRUE, null, true));
    assertThat(clientProperty("note").infer()).isNull();
    assertThatThrownBy(() -> withClientProperty("kind: {type: string, x-counterfeit-infer: {then: firm}}"))
        .isInstanceOf(SpecException.class).hasMessageContaining("x-counterfeit-infer needs when-any fields and a then value");
  }

  @Test
  void volatileMarksAValueAWriteAndAReadMayDisagreeOn() {
    assertThat(clientProperty("balance").isVolatile()).isTrue();
    assertThat(clientProperty("updatedAt").isVolatile()).as("timestamps are not volatile").isFalse();
  }

  @Test
  void constDefaultAndNullabilityComeFromTheSchema() {
    assertThat(clientProperty("@type").constant()).isEqualTo(TextNode.valueOf("Client"));
    assertThat(clientProperty("kind").defaultValue()).isEqualTo(TextNode.valueOf("person"));
    assertThat(clientProperty("kind").constant()).isNull();
    assertThat(clientProperty("note").nullable()).isTrue();
    assertThat(clientProperty("note").defaultValue()).isNull();
    assertThat(clientProperty("kind").nullable()).isFalse();
  }

  @Test
  void everyObjectIsCompiledOnceWithTheModelAndASchemaHoldingItselfIsACycle() {
    ObjectSchema listed = MODEL.object(MODEL.operation("listClients").response(200).orElseThrow().content()
        .get("application/json").schemaNode().path("items"));
    assertThat(listed).isSameAs(client());
    ObjectSchema tree = clientProperty("tree").object();
    assertThat(tree.property("children").orElseThrow().object()).isSameAs(tree);
  }

  /** Compiles a spec whose one answer has the given property (YAML, as under {@code properties:}). */
  private static ApiModel withClientProperty(String property) {
    return ApiModel.compile(ApiSpec.fromText("t", """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /clients:
            get:
              operationId: listClients
              x-counterfeit-action: list
              x-counterfeit-resource: clients
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          %s
        """.formatted(property)));
  }
}
