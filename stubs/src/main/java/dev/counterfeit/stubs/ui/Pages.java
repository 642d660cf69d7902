package dev.counterfeit.stubs.ui;

import dev.counterfeit.stubs.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The pages the fake serves to people, straight from the classpath: the dashboard and the API docs page
 * (this package's resources), and Swagger UI from its webjar. Plain HTML and JavaScript, no build step.
 */
public final class Pages {
  private static final String OWN = "dev/counterfeit/stubs/ui/";
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  /** A file name, nothing that could climb out of the folder. */
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "png", "image/png",
      "map", "application/json");

  private final String swaggerUi;
  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  public Pages() {
    this.swaggerUi = WEBJAR + webjarVersion() + "/";
  }

  private static String webjarVersion() {
    Properties properties = new Properties();
    try (InputStream in = Pages.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("The swagger-ui webjar is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /** The dashboard. */
  public Optional<HttpResponse> dashboard() {
    return serve(OWN + "dashboard.html", "no-cache");
  }

  /** The API docs page around Swagger UI. */
  public Optional<HttpResponse> docs() {
    return serve(OWN + "docs.html", "no-cache");
  }

  /** A script or style sheet of the pages, by file name. */
  public Optional<HttpResponse> asset(String name) {
    return FILE.matcher(name).matches() ? serve(OWN + name, "no-cache") : Optional.empty();
  }

  /** A file of Swagger UI's distribution ({@code swagger-ui-bundle.js}), from the webjar. */
  public Optional<HttpResponse> swaggerUi(String name) {
    return FILE.matcher(name).matches() ? serve(swaggerUi + name, "public, max-age=86400") : Optional.empty();
  }

  private Optional<HttpResponse> serve(String resource, String caching) {
    int dot = resource.lastIndexOf('.');
    String type = TYPES.get(resource.substring(dot + 1));
    if (type == null) {
      return Optional.empty();
    }
    // Read once: Swagger UI's bundle is 1.6 MB, and every docs page load asks for it.
    return cache.computeIfAbsent(resource, Pages::read)
        .map(body -> new HttpResponse(200, Map.of("Content-Type", type, "Cache-Control", caching), body));
  }

  private static Optional<byte[]> read(String resource) {
    try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
