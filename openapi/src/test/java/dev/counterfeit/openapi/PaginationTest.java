package dev.counterfeit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaginationTest {

  private static Pagination of(String extension) {
    return ApiSpec.fromText("t", "openapi: 3.1.0\n" + extension + "paths: {}\n").pagination();
  }

  @Test
  void readsAnOffsetAndALimit() {
    assertThat(of("x-counterfeit-pagination: {offset: skip, limit: take}\n"))
        .isEqualTo(new Pagination(Pagination.Style.OFFSET, "skip", "take"));
  }

  @Test
  void readsAPageNumberAndASize() {
    assertThat(of("x-counterfeit-pagination: {page: p, size: perPage}\n"))
        .isEqualTo(new Pagination(Pagination.Style.PAGE, "p", "perPage"));
  }

  @Test
  void aDocumentWithoutItDoesNotPage() {
    assertThat(of("")).isEqualTo(new Pagination(Pagination.Style.NONE, null, null));
  }

  @Test
  void refusesAMixOfBothStyles() {
    assertThatThrownBy(() -> of("x-counterfeit-pagination: {page: page, limit: limit}\n"))
        .hasMessageContaining("x-counterfeit-pagination must be");
    assertThatThrownBy(() -> of("x-counterfeit-pagination: {offset: o, limit: l, page: p}\n"))
        .hasMessageContaining("x-counterfeit-pagination must be");
  }

  @Test
  void theShippedSpecsNameTheirPagingParameters() {
    assertThat(ApiSpec.load("apidev").pagination()).isEqualTo(new Pagination(Pagination.Style.OFFSET, "offset", "limit"));
    assertThat(ApiSpec.load("finsync").pagination()).isEqualTo(new Pagination(Pagination.Style.PAGE, "page", "pageSize"));
    assertThat(ApiSpec.load("flowtly").pagination()).isEqualTo(new Pagination(Pagination.Style.PAGE, "page", "itemsPerPage"));
    assertThat(ApiSpec.load("fintoro").pagination().style()).isEqualTo(Pagination.Style.NONE);
  }
}
