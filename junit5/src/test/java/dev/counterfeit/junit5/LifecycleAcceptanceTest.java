package dev.counterfeit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * When the fake starts and stops: sample test classes run through the JUnit Platform here, so what they saw
 * can be checked after they finished. The samples are nested and not named *Test, so only this class runs them.
 */
class LifecycleAcceptanceTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The base URLs the samples' tests saw, in order. */
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> sample) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
  }

  private static int createFinSyncClient(CounterfeitExtension fake, String name) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/clients"))
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\": \"" + name + "\"}"));
    fake.authHeaders("finsync", "acme").forEach(request::header);
    return HTTP.send(request.build(), BodyHandlers.ofString()).statusCode();
  }

  private static String finSyncClients(CounterfeitExtension fake) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/clients"));
    fake.authHeaders("finsync", "acme").forEach(request::header);
    return HTTP.send(request.build(), BodyHandlers.ofString()).body();
  }

  private static boolean answers(String baseUrl) throws Exception {
    try {
      HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__counterfeit/health")).build(), BodyHandlers.ofString());
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return !(e.getCause() instanceof ConnectException);
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticSample {
    @RegisterExtension
    static CounterfeitExtension fake = CounterfeitExtension.builder().apis("finsync").build();

    @Test
    @Order(1)
    void first() throws Exception {
      SEEN.add(fake.baseUrl());
      assertThat(createFinSyncClient(fake, "Only in the first test")).isEqualTo(201);
    }

    @Test
    @Order(2)
    void second() throws Exception {
      SEEN.add(fake.baseUrl());
      assertThat(finSyncClients(fake)).doesNotContain("Only in the first test");
    }

    @Nested
    class Inner {
      @Test
      void nestedTestsShareTheOuterFake() throws Exception {
        SEEN.add(fake.baseUrl());
        assertThat(finSyncClients(fake)).contains("Caja principal");
      }
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class InstanceSample {
    @RegisterExtension
    CounterfeitExtension fake = CounterfeitExtension.builder().apis("finsync").build();

    @Test
    @Order(1)
    void first() throws Exception {
      SEEN.add(fake.baseUrl());
      assertThat(createFinSyncClient(fake, "Only in the first fake")).isEqualTo(201);
    }

    @Test
    @Order(2)
    void second() throws Exception {
      SEEN.add(fake.baseUrl());
      assertThat(finSyncClients(fake)).doesNotContain("Only in the first fake");
    }
  }

  @Test
  void aStaticFieldIsOneFakeForTheClassAndItsNestedClassesStoppedAfterTheLast() throws Exception {
    Events events = run(StaticSample.class);

    events.assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
    assertThat(answers(SEEN.get(0))).isFalse();
  }

  @Test
  void anInstanceFieldIsAFreshFakePerTestStoppedAfterIt() throws Exception {
    Events events = run(InstanceSample.class);

    events.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2);
    assertThat(answers(SEEN.get(0))).isFalse();
    assertThat(answers(SEEN.get(1))).isFalse();
  }

  @Test
  void usingTheFakeOutsideItsTestsSaysHowToRegisterIt() {
    CounterfeitExtension unregistered = CounterfeitExtension.builder().build();

    assertThatThrownBy(unregistered::baseUrl).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@RegisterExtension");
  }

  static class ConfiguredSample {
    @RegisterExtension
    static CounterfeitExtension fake = CounterfeitExtension.builder()
        .configure(c -> c.port(8080).apis(Set.of("finsync")).seed(false)).build();

    @Test
    void configuredServer() throws Exception {
      SEEN.add(fake.baseUrl());
      assertThat(fake.port()).isNotEqualTo(8080);
      assertThat(fake.server().fake().basePaths()).containsOnlyKeys("finsync");
      assertThat(finSyncClients(fake)).doesNotContain("Distribuidora Norte SRL");
    }
  }

  @Test
  void configureReachesTheServerButThePortIsAlwaysAFreeOne() {
    Events events = run(ConfiguredSample.class);

    events.assertStatistics(stats -> stats.started(1).succeeded(1));
  }
}
