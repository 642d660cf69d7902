package dev.counterfeit.stubs.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.counterfeit.stubs.testsupport.TinySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Router router = new Router(List.of(TinySpec.model()));

  @Test
  void matchesUnderTheServersBasePathAndExtractsPathParameters() {
    Route route = router.route("GET", "/v1/items/42");
    assertThat(route).isInstanceOfSatisfying(Route.Matched.class, m -> {
      assertThat(m.operation().operationId()).isEqualTo("getItem");
      assertThat(m.pathParams()).containsEntry("id", "42");
    });
  }

  @Test
  void literalSegmentWinsOverATemplate() {
    assertThat(router.route("GET", "/v1/items/search"))
        .isInstanceOfSatisfying(Route.Matched.class, m -> assertThat(m.operation().operationId()).isEqualTo("searchItems"));
  }

  @Test
  void knownPathWithAnotherMethodIsMethodNotAllowedListingTheAllowedOnes() {
    assertThat(router.route("PUT", "/v1/items/42"))
        .isInstanceOfSatisfying(Route.MethodNotAllowed.class, m -> assertThat(m.allowed()).containsExactlyInAnyOrder("GET", "DELETE"));
  }

  @Test
  void unknownPathIsNotFoundButNamesTheClosestApi() {
    assertThat(router.route("GET", "/v1/nothing")).isInstanceOfSatisfying(Route.NotFound.class,
        n -> assertThat(n.vendor()).isEqualTo("tiny"));
    assertThat(router.route("GET", "/items")).isInstanceOf(Route.NotFound.class);
  }

  @Test
  void trailingSlashIsIgnored() {
    assertThat(router.route("GET", "/v1/items/")).isInstanceOf(Route.Matched.class);
  }
}
