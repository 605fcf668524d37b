package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.PermanentException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class PageGuardTest {
  private final Endpoint api = Endpoint.of("https://erp.example.com/api/");
  private final HttpUrl first = api.url("ARCustomers");

  @Test
  void next_relativeLinks_areFollowedUntilAbsent() {
    PageGuard pages = PageGuard.start(api, first, 10, "x");
    assertThat(pages.next("ARCustomers?$skip=100")).get().hasToString(
        "https://erp.example.com/api/ARCustomers?$skip=100");
    assertThat(pages.next(null)).isEmpty();
    assertThat(pages.pages()).isEqualTo(2);
  }

  @Test
  void next_selfReferencingLink_stopsInsteadOfLooping() {
    PageGuard pages = PageGuard.start(api, first, 1000, "x");
    pages.next("ARCustomers?$skip=100");
    assertThatThrownBy(() -> pages.next("ARCustomers?$skip=100"))
        .isInstanceOf(PermanentException.class).hasMessageContaining("repeats");
  }

  @Test
  void next_overMaxPages_stops() {
    PageGuard pages = PageGuard.start(api, first, 3, "x");
    pages.next("a?p=2");
    pages.next("a?p=3");
    assertThatThrownBy(() -> pages.next("a?p=4")).isInstanceOf(PermanentException.class)
        .hasMessageContaining("more than 3 pages");
  }

  @Test
  void next_foreignOrigin_isRefused() {
    PageGuard pages = PageGuard.start(api, first, 3, "x");
    assertThatThrownBy(() -> pages.next("https://evil.example.com/steal"))
        .isInstanceOf(PermanentException.class);
  }
}
