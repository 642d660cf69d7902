package dev.counterfeit.stubs.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven over the DevTools protocol from plain Java (the JDK's WebSocket client):
 * open a page, run JavaScript in it, wait for a condition. Started with the flags that keep it off the
 * network, and a fresh profile that is deleted on close.
 */
public final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** The browser to run: {@code -Dcounterfeit.chromium=...}, or {@code chromium} on the PATH. */
  public static Optional<Path> executable() {
    String configured = System.getProperty("counterfeit.chromium");
    if (configured != null) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
        .filter(Files::isExecutable).findFirst();
  }

  /** Starts the browser with one blank page to drive. */
  public static Chromium launch(Path executable) throws IOException, InterruptedException {
    return new Chromium(executable);
  }

  private Chromium(Path executable) throws IOException, InterruptedException {
    profile = Files.createTempDirectory("counterfeit-chromium");
    process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String browserSocket = awaitDevTools();
    HttpClient http = HttpClient.newHttpClient();
    String debugOrigin = "http://" + URI.create(browserSocket).getAuthority();
    JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(debugOrigin + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    String pageSocket = null;
    for (JsonNode target : targets) {
      if (target.path("type").asText().equals("page")) {
        pageSocket = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (pageSocket == null) {
      close();
      throw new IOException("Chromium opened no page to drive: " + targets);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).join();
  }

  /** Reads Chromium's stderr until it says where DevTools listens, then keeps draining it. */
  private String awaitDevTools() throws IOException, InterruptedException {
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> found = new CompletableFuture<>();
    StringBuilder seen = new StringBuilder();
    Thread drain = new Thread(() -> {
      try {
        for (String line; (line = err.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            found.complete(m.group(1));
          } else if (!found.isDone() && seen.length() < 4000) {
            seen.append(line).append('\n');
          }
        }
      } catch (IOException ignored) {
        // The browser went away; close() handles the rest.
      }
      found.completeExceptionally(new IOException("Chromium exited before DevTools listened:\n" + seen));
    }, "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    try {
      return found.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IOException("Chromium did not start DevTools: " + e.getMessage(), e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          CompletableFuture<JsonNode> waiting = message.has("id") ? pending.remove(message.get("id").asLong()) : null;
          if (waiting != null) {
            waiting.complete(message);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  private JsonNode send(String method, ObjectNode params) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", params);
    socket.sendText(command.toString(), true).join();
    JsonNode message = answer.orTimeout(30, TimeUnit.SECONDS).join();
    if (message.has("error")) {
      throw new IllegalStateException(method + " failed: " + message.get("error"));
    }
    return message.path("result");
  }

  /** Opens a URL in the page (the page's scripts run on their own afterwards). */
  public void open(String url) {
    send("Page.navigate", JSON.createObjectNode().put("url", url));
  }

  /** Runs a JavaScript expression in the page (promises awaited) and answers its value as JSON. */
  public JsonNode evaluate(String expression) {
    JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("returnByValue", true).put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("The page threw on " + expression + ": " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Whether a JavaScript expression becomes true in the page within the timeout (polled every 100 ms). */
  public boolean becomes(String condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String guarded = "(() => { try { return !!(" + condition + "); } catch (e) { return false; } })()";
    while (true) {
      if (evaluate(guarded).asBoolean(false)) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /**
   * Waits until a JavaScript expression is true in the page.
   *
   * @throws AssertionError with the page's text when it does not become true in time
   */
  public void waitFor(String condition, Duration timeout) {
    if (becomes(condition, timeout)) {
      return;
    }
    String text = evaluate("document.body ? document.body.innerText : ''").asText();
    throw new AssertionError("Not true within " + timeout.toSeconds() + " s: " + condition + "\nThe page showed:\n"
        + (text.length() > 3000 ? text.substring(0, 3000) + "…" : text));
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp profile is harmless.
    }
  }
}
