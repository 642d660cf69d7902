package dev.counterfeit.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.serialization.BasicNodeReader;
import com.networknt.schema.serialization.NodeReader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One vendor's OpenAPI document, parsed once: the swagger-parser model (for routes and parameters), the raw
 * JSON tree (for {@code x-counterfeit-*} extensions) and a networknt registry that compiles any schema in the
 * document by JSON pointer, with {@code $ref}s resolved inside the same document.
 *
 * <p>Thread-safe once built; compiled schemas are cached, so callers compile at start and reuse.
 */
public final class ApiSpec {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern SERVER_PATH = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+(/.*)?$");

  private final String vendor;
  private final String documentUri;
  private final String text;
  private final JsonNode tree;
  private final Envelope envelope;
  private final RequestReading requestReading;
  private final Pagination pagination;
  private final Problems problems;
  /** swagger-parser's full resolve costs about a second per spec, so it runs only when asked for. */
  private volatile SwaggerParseResult parsed;
  private final SchemaRegistry registry;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private Schema document;

  private ApiSpec(String vendor, String documentUri, String text) {
    this.vendor = vendor;
    this.documentUri = documentUri;
    try {
      this.tree = YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("Spec " + documentUri + " is not valid YAML: " + e.getMessage(), e);
    }
    this.text = text;
    this.envelope = Envelope.of(tree);
    this.requestReading = RequestReading.of(tree);
    this.pagination = Pagination.of(tree);
    this.problems = Problems.of(tree);
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    // Extensions (x-*) and the document's own keys (openapi, paths, ...) are not schema keywords: ignore them
    // quietly instead of warning once per keyword.
    Dialect dialect = Dialect.builder(Dialects.getOpenApi31())
        .format(new MailboxFormat())
        .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
        .build();
    this.registry = SchemaRegistry.withDialect(dialect, builder -> builder
        .schemaRegistryConfig(config)
        .schemas(Map.of(documentUri, text))
        .nodeReader(new ParsedOnce(text, tree)));
  }

  /** Loads {@code openapi/<vendor>.yaml} from the classpath. */
  public static ApiSpec load(String vendor) {
    String resource = "openapi/" + vendor + ".yaml";
    try (InputStream in = ApiSpec.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No spec on the classpath at " + resource);
      }
      return fromText(vendor, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a spec from YAML text; {@code vendor} names it in messages and schema locations. */
  public static ApiSpec fromText(String vendor, String yaml) {
    return new ApiSpec(vendor, "https://counterfeit.invalid/openapi/" + vendor + ".yaml", yaml);
  }

  public String vendor() {
    return vendor;
  }

  private SwaggerParseResult parsed() {
    SwaggerParseResult result = parsed;
    if (result == null) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(true);
      result = new OpenAPIV3Parser().readContents(text, null, options);
      parsed = result;
    }
    return result;
  }

  /** The swagger-parser model with every {@code $ref} resolved (parsed on first use). */
  public OpenAPI model() {
    OpenAPI model = parsed().getOpenAPI();
    if (model == null) {
      throw new IllegalArgumentException("Spec " + documentUri + " does not parse: " + parseMessages());
    }
    return model;
  }

  /** The document as written, for extensions and pointers. */
  public JsonNode tree() {
    return tree;
  }

  /** Where answers keep their payload ({@code x-counterfeit-envelope}). */
  public Envelope envelope() {
    return envelope;
  }

  /**
   * Where success answers carry the property marked {@code x-counterfeit-value: <value>}, as a JSON pointer into
   * the answer ({@code /data/id} for {@code id} in an enveloped item): the shallowest mark in the 2xx JSON schemas
   * of every operation, read through {@code $ref} and {@code allOf}, the first in document order on a tie. Array
   * items are not searched, so a list answer's items never decide. Empty when no answer marks the value.
   */
  public Optional<String> answerPointer(String value) {
    String best = null;
    for (JsonNode pathItem : tree.path("paths")) {
      for (Map.Entry<String, JsonNode> entry : deref(pathItem).properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        for (Map.Entry<String, JsonNode> response : entry.getValue().path("responses").properties()) {
          if (!response.getKey().startsWith("2")) {
            continue;
          }
          for (JsonNode media : deref(response.getValue()).path("content")) {
            String found = marked(media.path("schema"), value, "", 0);
            if (found != null && (best == null || depth(found) < depth(best))) {
              best = found;
            }
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The shallowest pointer below {@code at} to a property marked with {@code value}, or null. */
  private String marked(JsonNode node, String value, String at, int depth) {
    JsonNode schema = deref(node);
    if (depth > 0 && (value.equals(node.path("x-counterfeit-value").asText(null))
        || value.equals(schema.path("x-counterfeit-value").asText(null)))) {
      return at;
    }
    if (depth > 16) {
      return null;
    }
    String best = null;
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String found = marked(property.getValue(), value, at + "/" + escape(property.getKey()), depth + 1);
      if (found != null && (best == null || depth(found) < depth(best))) {
        best = found;
      }
    }
    for (JsonNode part : schema.path("allOf")) {
      String found = marked(part, value, at, depth + 1);
      if (found != null && (best == null || depth(found) < depth(best))) {
        best = found;
      }
    }
    return best;
  }

  private static long depth(String pointer) {
    return pointer.chars().filter(c -> c == '/').count();
  }

  /** How the vendor reads references and bodies it cannot parse ({@code x-counterfeit-references}, {@code -unreadable-body}). */
  public RequestReading requestReading() {
    return requestReading;
  }

  /** Which query parameters page the vendor's lists ({@code x-counterfeit-pagination}). */
  public Pagination pagination() {
    return pagination;
  }

  /** How the vendor answers each kind of problem: status, error code, fixed message ({@code x-counterfeit-problems}). */
  public Problems problems() {
    return problems;
  }

  /** Errors and warnings swagger-parser reports (parsed on first use); a clean spec has none. */
  public List<String> parseMessages() {
    List<String> messages = parsed().getMessages();
    return messages == null ? List.of() : List.copyOf(messages);
  }

  /** The document's {@code info.title}, or the vendor id when it has none. */
  public String title() {
    return tree.path("info").path("title").asText(vendor);
  }

  /** The path templates of {@code paths} as written ({@code /clients/{id}}), in document order. */
  public List<String> pathTemplates() {
    List<String> templates = new java.util.ArrayList<>();
    tree.path("paths").fieldNames().forEachRemaining(templates::add);
    return List.copyOf(templates);
  }

  /** Every {@code operationId} the document declares, in document order. */
  public List<String> operationIds() {
    List<String> ids = new java.util.ArrayList<>();
    tree.path("paths").forEach(path -> path.forEach(op -> {
      if (op.hasNonNull("operationId")) {
        ids.add(op.get("operationId").asText());
      }
    }));
    return List.copyOf(ids);
  }

  /** The path part of {@code servers[0].url} ({@code /api/public/v1}), or "" when the API sits at the root. */
  public String basePath() {
    JsonNode url = tree.path("servers").path(0).path("url");
    Matcher m = SERVER_PATH.matcher(url.asText(""));
    if (!m.matches() || m.group(1) == null) {
      return "";
    }
    String path = m.group(1);
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The node at a JSON pointer ({@code /components/schemas/Client}), following a {@code $ref} if it is one. */
  public JsonNode at(String pointer) {
    return deref(tree.at(JsonPointer.compile(pointer)));
  }

  /** Follows a local {@code $ref} chain; other nodes come back as they are. */
  public JsonNode deref(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < 32; hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalArgumentException("Only local $refs are supported, got " + ref);
      }
      current = tree.at(JsonPointer.compile(ref.substring(1)));
    }
    return current;
  }

  /**
   * Walks a pointer from the document root, following a {@code $ref} wherever one sits on the way, and returns
   * the pointer of the node actually reached ({@code /paths/~1clients/get/responses/401/content} may land in
   * {@code /components/responses/Unauthorized/content}). Schemas compile only at such concrete pointers.
   */
  public String concrete(String pointer) {
    String current = follow("");
    if (!pointer.isEmpty()) {
      for (String segment : pointer.substring(1).split("/", -1)) {
        current = follow(current + "/" + segment);
      }
    }
    return current;
  }

  private String follow(String pointer) {
    String current = pointer;
    for (int hops = 0; hops < 32; hops++) {
      JsonNode node = tree.at(JsonPointer.compile(current));
      if (!node.has("$ref")) {
        return current;
      }
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalArgumentException("Only local $refs are supported, got " + ref + " at " + current);
      }
      current = ref.substring(1);
    }
    throw new IllegalArgumentException("$ref loop at " + pointer + " in " + documentUri);
  }

  /** The compiled schema at a JSON pointer, compiled once and cached; a bad {@code $ref} fails here. */
  public Schema schema(String pointer) {
    return compiled.computeIfAbsent(pointer, p -> {
      Schema schema = document().getRefSchema(SchemaLocation.of(documentUri + "#" + p).getFragment());
      schema.initializeValidators();
      return schema;
    });
  }

  /**
   * The whole document as one schema resource, read once: every pointer compiles below it, so the schemas their
   * {@code $ref}s share are compiled once, not once per pointer.
   */
  private synchronized Schema document() {
    Schema d = document;
    if (d == null) {
      d = registry.getSchema(SchemaLocation.of(documentUri));
      document = d;
    }
    return d;
  }

  /** Escapes one JSON pointer segment ({@code /clients/{id}} becomes {@code ~1clients~1{id}}). */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /**
   * The registry reads the document through its loader, as text; this hands it the tree already parsed
   * instead of parsing the YAML a second time. networknt only reads the tree.
   */
  private static final class ParsedOnce implements NodeReader {
    private final String text;
    private final JsonNode tree;

    ParsedOnce(String text, JsonNode tree) {
      this.text = text;
      this.tree = tree;
    }

    @Override
    public JsonNode readTree(String content, InputFormat format) throws IOException {
      return content == text || content.equals(text) ? tree : BasicNodeReader.getInstance().readTree(content, format);
    }

    /** The registry's loader hands the document as a stream; comparing text is far cheaper than YAML. */
    @Override
    public JsonNode readTree(InputStream content, InputFormat format) throws IOException {
      return readTree(new String(content.readAllBytes(), StandardCharsets.UTF_8), format);
    }
  }
}
