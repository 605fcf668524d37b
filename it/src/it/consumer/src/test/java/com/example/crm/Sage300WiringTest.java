package com.example.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Secret;
import io.connectsdk.sage300.Sage300Connector;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The Sage 300 connector builds from the application's class path (OkHttp and Kotlin included). */
class Sage300WiringTest {

  @Test
  void build_loopbackUrl_servesCustomers() {
    try (Sage300Connector sage = Sage300Connector.builder()
        .baseUrl(HttpUrl.get("http://127.0.0.1:1/"))
        .company("SAMINC").user("WEBAPI").password(Secret.of("secret"))
        .build()) {
      assertTrue(sage.capabilities().containsKey(EntityType.CUSTOMER), "Sage 300 serves customers");
      assertEquals("sage300", sage.system(), "the default system name is the connector's kind");
    }
  }
}
