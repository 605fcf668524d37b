package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.resilience.ResiliencePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The HTTP half of the README's minimal connector, run against MockWebServer. */
class ExampleItemsClientTest {

  private static List<String> readAll(JsonClient http, ErrorTable errors, ResiliencePolicy policy) {
    HttpUrl first = http.endpoint().url("items").newBuilder().addQueryParameter("limit", "2").build();
    PageGuard pages = PageGuard.start(http.endpoint(), first, 1_000, "items");
    List<String> skus = new ArrayList<>();
    for (HttpUrl url = first; url != null; ) {
      HttpUrl u = url;
      JsonResponse r = policy.execute(() -> {
        JsonResponse page = http.get(u);
        errors.failure(page).ifPresent(e -> {
          throw errors.toException(e, page.describe());
        });
        return page;
      });
      r.body().path("items").forEach(n -> skus.add(n.path("sku").asText()));
      url = pages.next(r.body().path("next").asText(null)).orElse(null);
    }
    return skus;
  }

  private static final ErrorTable ERRORS = ErrorTable.builder("items", body -> body.has("error")
          ? Optional.of(new ErrorBody(body.path("error").asText(), body.path("detail").asText("")))
          : Optional.empty())
      .code("rate_limited", ErrorKind.RATE_LIMITED)
      .code("invalid_item", ErrorKind.PERMANENT).recordLevel("invalid_item")
      .build();

  @Test
  void readAll_followsNextLinksWithBearerToken() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200)
          .body("{\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}],\"next\":\"items?limit=2&after=B\"}")
          .build());
      server.enqueue(new MockResponse.Builder().code(200).body("{\"items\":[{\"sku\":\"C\"}]}").build());
      server.start();
      JsonClient http = JsonClient.builder("items", Endpoint.of(server.url("/v1/").toString()))
          .options(HttpOptions.builder().build().withDefaults(
              HttpOptions.builder().rateLimit(10, 20).build()))
          .auth(Auth.bearer(TokenSource.caching(() -> Token.of("tok"), java.time.Duration.ZERO,
              java.time.Clock.systemUTC())))
          .build();
      assertThat(readAll(http, ERRORS, ResiliencePolicy.none())).containsExactly("A", "B", "C");
      assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok");
      assertThat(http.requestCounts()).containsEntry("GET /v1/items", 2L);
      http.close();
    }
  }

  @Test
  void readAll_selfReferencingNextLink_stops() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < 3; i++) {
        server.enqueue(new MockResponse.Builder().code(200)
            .body("{\"items\":[{\"sku\":\"A\"}],\"next\":\"items?limit=2&after=A\"}").build());
      }
      server.start();
      JsonClient http = JsonClient.builder("items", Endpoint.of(server.url("/v1/").toString())).build();
      assertThatThrownBy(() -> readAll(http, ERRORS, ResiliencePolicy.none()))
          .isInstanceOf(PermanentException.class);
      assertThat(server.getRequestCount()).isEqualTo(2);
      http.close();
    }
  }
}
