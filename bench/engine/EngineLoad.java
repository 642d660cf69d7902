import dev.counterfeit.stubs.CounterfeitServer;
import dev.counterfeit.stubs.StubServerConfig;
import dev.counterfeit.stubs.engine.Fake;
import dev.counterfeit.stubs.http.HttpRequest;
import dev.counterfeit.stubs.http.HttpResponse;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The engine's own cost per answer, without HTTP, sockets or wrk: threads call {@link Fake#handle} with the
 * bench's Fintoro requests for 4-second rounds (the store reset before each) and each round prints answers
 * per second, process CPU per answer and bytes allocated per answer (the callers' threads). Over loopback the
 * kernel and Jetty take most of a request's time and vary with the machine's load; this isolates what a
 * change to the engine does, for an A/B of two jars run one after the other.
 *
 * <pre>
 * bench/run --quick   # once, for the request bodies in bench/target/fixtures/bodies
 * java -cp stubs/target/counterfeit.jar bench/engine/EngineLoad.java create 4 8
 * </pre>
 *
 * Arguments: scenario ({@code get}, {@code create}, {@code update}), threads, rounds.
 */
public class EngineLoad {
  private static final String BASE = "/api/public/v1";
  private static final Path BODIES = Path.of("bench/target/fixtures/bodies");

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 ? args[0] : "create";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    try (CounterfeitServer server = CounterfeitServer.start(
        StubServerConfig.builder().port(0).rateLimits(false).journalLimit(0).requestLog(0).build())) {
      Supplier<HttpRequest> request = requests(scenario);
      for (int round = 1; round <= rounds; round++) {
        server.reset();
        round(server.fake(), request, threads, round);
      }
    }
  }

  private static Supplier<HttpRequest> requests(String scenario) throws Exception {
    return switch (scenario) {
      case "get" -> () -> new HttpRequest("GET", BASE + "/clients/101", Map.of(), headers("ft_demo_acme_write", false), null);
      case "create" -> {
        byte[] body = Files.readAllBytes(BODIES.resolve("create.json"));
        yield () -> new HttpRequest("POST", BASE + "/clients", Map.of(), headers("ft_demo_globex_write", true), body);
      }
      case "update" -> {
        byte[] body = Files.readAllBytes(BODIES.resolve("update.json"));
        yield () -> new HttpRequest("PUT", BASE + "/clients/101", Map.of(), headers("ft_demo_acme_write", true), body);
      }
      default -> throw new IllegalArgumentException("scenario is get, create or update, not " + scenario);
    };
  }

  private static void round(Fake fake, Supplier<HttpRequest> request, int threads, int round) throws Exception {
    AtomicLong answers = new AtomicLong();
    AtomicLong allocated = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread caller = new Thread(() -> {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        long n = 0;
        while (!stop.get()) {
          HttpResponse answer = fake.handle(request.get());
          if (answer.status() >= 300) {
            throw new IllegalStateException("answered " + answer.status() + ": " + answer.bodyText());
          }
          n++;
        }
        answers.addAndGet(n);
        allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - before);
      });
      callers.add(caller);
      caller.start();
    }
    long cpuBefore = processCpuNanos();
    Thread.sleep(4000);
    stop.set(true);
    for (Thread caller : callers) {
      caller.join();
    }
    long cpu = processCpuNanos() - cpuBefore;
    long n = Math.max(1, answers.get());
    System.out.printf("round %d: %.0f answers/s, %.1f µs CPU and %d bytes allocated per answer%n",
        round, n / 4.0, cpu / 1000.0 / n, allocated.get() / n);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Map<String, List<String>> headers(String token, boolean json) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Authorization", List.of("Bearer " + token));
    headers.put("Accept", List.of("application/json"));
    if (json) {
      headers.put("Content-Type", List.of("application/json"));
    }
    return headers;
  }
}
