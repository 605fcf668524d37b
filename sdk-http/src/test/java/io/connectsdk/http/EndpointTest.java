package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.PermanentException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void of_plainHttpToRemoteHost_isRefused() {
    assertThatThrownBy(() -> Endpoint.of("http://erp.example.com/api"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
  }

  @Test
  void of_plainHttpToLoopbackLiterals_isAllowed() {
    assertThat(Endpoint.of("http://127.0.0.1:8080/api").url().toString())
        .isEqualTo("http://127.0.0.1:8080/api/");
    assertThat(Endpoint.of("http://localhost/").url().host()).isEqualTo("localhost");
    assertThat(Endpoint.of("http://[::1]:9/x").url().port()).isEqualTo(9);
  }

  @Test
  void isLoopback_decidesFromTheLiteral_noDnsLookup() {
    assertThat(Endpoint.isLoopback("127.10.0.1")).isTrue();
    assertThat(Endpoint.isLoopback("127.0.0.1.evil.com")).isFalse();
    assertThat(Endpoint.isLoopback("128.0.0.1")).isFalse();
    assertThat(Endpoint.isLoopback("localhost.example.com")).isFalse();
    assertThat(Endpoint.isLoopback("127.0.0.256")).isFalse();
  }

  @Test
  void builder_allowPlainHttp_acceptsLabServer() {
    assertThat(Endpoint.builder("http://erp.lan/api").allowPlainHttp(true).build().origin())
        .isEqualTo("http://erp.lan:80");
  }

  @Test
  void of_credentialsInUrl_areRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> Endpoint.of("https://admin:hunter2@erp.example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void url_appendsEncodedSegments() {
    Endpoint e = Endpoint.of("https://erp.example.com/Sage300WebApi/v1.0/-/SAMINC");
    assertThat(e.url("AR", "ARCustomers('A B')").encodedPath())
        .isEqualTo("/Sage300WebApi/v1.0/-/SAMINC/AR/ARCustomers('A%20B')");
  }

  @Test
  void resolve_relativeAndSameOrigin_ok_foreignRefused() {
    Endpoint e = Endpoint.of("https://erp.example.com/api/");
    HttpUrl page = e.url("items");
    assertThat(e.resolve(page, "items?$skip=100", "x").encodedQuery()).isEqualTo("$skip=100");
    assertThatThrownBy(() -> e.resolve(page, "https://evil.example.com/items", "x"))
        .isInstanceOf(PermanentException.class).hasMessageContaining("evil.example.com");
    assertThatThrownBy(() -> e.resolve(page, "http://erp.example.com/api/items", "x"))
        .isInstanceOf(PermanentException.class);
    assertThatThrownBy(() -> e.resolve(page, "https://erp.example.com:8443/api/items", "x"))
        .isInstanceOf(PermanentException.class);
  }
}
