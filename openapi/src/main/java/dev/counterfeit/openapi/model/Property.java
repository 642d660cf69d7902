package dev.counterfeit.openapi.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One declared property of an object schema with what counterfeit reads on it (CONVENTIONS.md): whether the server
 * generates its value, embeds other items in it, nests flat fields in it, references another collection with it,
 * infers it on writes or lets it differ between a write's answer and a read. Read once, when the {@link ApiModel}
 * is compiled; every extension is read here and nowhere else.
 *
 * @param name the property's name
 * @param schema the property's schema, dereferenced, with keywords written beside a {@code $ref} kept over the
 *     target's ({@link SchemaNodes#resolvedProperties}); read schema keywords (format, bounds, enum) here
 * @param generated what the server fills it with ({@code x-counterfeit-value}), or null when it is stored
 * @param embed the items embedded in it ({@code x-counterfeit-embed}), or null
 * @param nest whether it is an object built from the record's flat fields ({@code x-counterfeit-nest})
 * @param ref the collection whose item (or items, for an array) its value names ({@code x-counterfeit-ref}), or null
 * @param infer how writes infer it from other fields ({@code x-counterfeit-infer}), or null
 * @param isVolatile whether a write's answer and a read right after may differ in it ({@code x-counterfeit-volatile})
 * @param nullable whether {@code null} is an allowed value
 * @param object the object it holds (for an array, its items'), compiled like this one's; null when it holds none
 */
public record Property(
    String name,
    JsonNode schema,
    Generated generated,
    Embed embed,
    boolean nest,
    String ref,
    Inference infer,
    boolean isVolatile,
    boolean nullable,
    ObjectSchema object) {

  static final String VALUE = "x-counterfeit-value";
  static final String EMBED = "x-counterfeit-embed";
  static final String NEST = "x-counterfeit-nest";
  static final String REF = "x-counterfeit-ref";
  static final String INFER = "x-counterfeit-infer";
  static final String VOLATILE = "x-counterfeit-volatile";

  /**
   * Items of another collection shown in a property: the one whose id the record's {@code from} field holds, or
   * (with {@code backref}) every item whose {@code backref} field points at the record, as objects or, when
   * {@code iris}, as their paths.
   */
  public record Embed(String resource, String from, String backref, boolean iris) {
    /** Whether this is a to-many embedding by back reference (an array), not one item by a field of the record. */
    public boolean byBackref() {
      return backref != null;
    }
  }

  /**
   * A stored field a write infers: unless {@code always}, only when the record holds no value for it; {@code then}
   * when any of {@code whenAny} holds a value (not null, not ""), {@code otherwise} (null when not given) when none does.
   */
  public record Inference(List<String> whenAny, JsonNode then, JsonNode otherwise, boolean always) {}

  /** Whether the server fills it with this kind of value. */
  public boolean is(Generated kind) {
    return generated == kind;
  }

  /** Its {@code const}, or null. */
  public JsonNode constant() {
    return schema.get("const");
  }

  /** Its {@code default}, or null. */
  public JsonNode defaultValue() {
    return schema.get("default");
  }

  /** Reads the extensions on one property; {@code object} is compiled by the caller, which keeps cycles finite. */
  static Property read(String name, JsonNode schema, boolean nullable, ObjectSchema object, String where) {
    String at = where + "." + name;
    JsonNode value = schema.get(VALUE);
    Generated generated = value == null ? null : Generated.of(value.asText(), at);
    JsonNode ref = schema.get(REF);
    if (ref != null && (!ref.isTextual() || ref.asText().isBlank())) {
      throw new SpecException(at + ": " + REF + " must name a collection");
    }
    return new Property(name, schema, generated, embed(schema.get(EMBED), at), schema.path(NEST).asBoolean(false),
        ref == null ? null : ref.asText(), inference(schema.get(INFER), at), schema.path(VOLATILE).asBoolean(false),
        nullable, object);
  }

  private static Embed embed(JsonNode embed, String at) {
    if (embed == null) {
      return null;
    }
    String resource = embed.path("resource").asText("");
    boolean from = embed.hasNonNull("from");
    boolean backref = embed.hasNonNull("backref");
    if (!embed.isObject() || resource.isBlank() || from == backref) {
      throw new SpecException(at + ": " + EMBED + " needs a resource and either from or backref");
    }
    return new Embed(resource, from ? embed.get("from").asText() : null,
        backref ? embed.get("backref").asText() : null, embed.path("as").asText().equals("iri"));
  }

  private static Inference inference(JsonNode infer, String at) {
    if (infer == null) {
      return null;
    }
    List<String> whenAny = new java.util.ArrayList<>();
    infer.path("when-any").forEach(f -> whenAny.add(f.asText()));
    if (whenAny.isEmpty() || !infer.has("then")) {
      throw new SpecException(at + ": " + INFER + " needs when-any fields and a then value");
    }
    return new Inference(List.copyOf(whenAny), infer.get("then"), infer.get("else"), infer.path("always").asBoolean(false));
  }
}
