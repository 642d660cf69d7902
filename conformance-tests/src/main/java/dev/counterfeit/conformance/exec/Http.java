package dev.counterfeit.conformance.exec;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends requests with REST Assured exactly as given: no charset appended to the Content-Type, no redirects
 * followed, the body as bytes, so a case controls every byte the implementation sees.
 */
public final class Http {
  /** How long an answer may take unless {@code counterfeit.timeoutSeconds} says otherwise. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  private final String baseUrl;
  private final int timeoutSeconds;
  private final RestAssuredConfig config;

  /** @param baseUrl scheme, host, port and any path prefix, without a trailing slash */
  public Http(String baseUrl) {
    this(baseUrl, DEFAULT_TIMEOUT_SECONDS);
  }

  /** @param timeoutSeconds how long connecting, and then the answer, may each take */
  public Http(String baseUrl, int timeoutSeconds) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeoutSeconds = timeoutSeconds;
    this.config = RestAssured.config()
        .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
        .redirect(RedirectConfig.redirectConfig().followRedirects(false))
        .httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", Math.min(10, timeoutSeconds) * 1000)
            .setParam("http.socket.timeout", timeoutSeconds * 1000));
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Sends one request.
   *
   * @param path the path after the base URL, ids already in place
   * @throws Unreachable when the connection is refused or the host does not resolve
   * @throws TimedOut when no complete answer arrives in time
   */
  public Reply send(String method, String path, Map<String, String> query, Map<String, String> headers,
      String contentType, byte[] body) {
    RequestSpecification spec = RestAssured.given().config(config).baseUri(baseUrl).urlEncodingEnabled(true);
    query.forEach(spec::queryParam);
    headers.forEach(spec::header);
    if (contentType != null) {
      spec.contentType(contentType);
    }
    if (body != null) {
      spec.body(body);
    }
    Response response;
    try {
      // The path goes in as a literal URL so REST Assured never reads "{…}" in it as a template.
      response = spec.request(method, java.net.URI.create(baseUrl + path).toString());
    } catch (RuntimeException e) {
      throw classify(method, path, e);
    } catch (Exception e) {
      throw classify(method, path, e);
    }
    Map<String, String> received = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      received.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b);
    }
    return new Reply(response.getStatusCode(), received, response.asByteArray());
  }

  private RuntimeException classify(String method, String path, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return new Unreachable(method + " " + baseUrl + path + ": " + t, e);
      }
      if (t instanceof SocketTimeoutException) {
        return new TimedOut(method + " " + baseUrl + path + " gave no answer within " + timeoutSeconds + " s", e);
      }
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(method + " " + baseUrl + path + ": " + e, e);
  }
}
