package dev.counterfeit.stubs.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestLogTest {
  private static void record(RequestLog log, String path) {
    log.add(new LoggedRequest(log.claim(), Instant.EPOCH, "GET", path, 200, 1, "fintoro"));
  }

  private static List<String> paths(List<LoggedRequest> entries) {
    return entries.stream().map(LoggedRequest::path).toList();
  }

  @Test
  void keepsTheLatestEntriesNewestFirstAndDropsTheOldest() {
    RequestLog log = new RequestLog(3);
    for (int i = 1; i <= 5; i++) {
      record(log, "/" + i);
    }
    assertThat(paths(log.latest(10, e -> true))).containsExactly("/5", "/4", "/3");
    assertThat(log.recorded()).isEqualTo(5);
  }

  @Test
  void limitAndFilterNarrowWhatIsRead() {
    RequestLog log = new RequestLog(10);
    for (int i = 1; i <= 6; i++) {
      record(log, "/" + i);
    }
    assertThat(paths(log.latest(2, e -> true))).containsExactly("/6", "/5");
    assertThat(paths(log.latest(10, e -> e.path().compareTo("/4") < 0))).containsExactly("/3", "/2", "/1");
  }

  @Test
  void clearForgetsWhatWasKeptButGoesOnRecording() {
    RequestLog log = new RequestLog(4);
    record(log, "/old");
    log.clear();
    assertThat(log.latest(10, e -> true)).isEmpty();
    record(log, "/new");
    assertThat(paths(log.latest(10, e -> true))).containsExactly("/new");
  }

  @Test
  void concurrentWritersNeverGrowItPastItsCapacity() throws Exception {
    RequestLog log = new RequestLog(50);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.submit(() -> {
        for (int i = 0; i < 5_000; i++) {
          record(log, "/x");
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    List<LoggedRequest> kept = log.latest(1_000, e -> true);
    assertThat(kept).hasSize(50);
    assertThat(kept.get(0).sequence()).isEqualTo(20_000);
    assertThat(log.recorded()).isEqualTo(20_000);
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new RequestLog(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
