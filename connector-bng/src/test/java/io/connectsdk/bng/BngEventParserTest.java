package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.event.EventParseResult;
import io.connectsdk.core.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BngEventParserTest {
  private final BngEventParser parser = new BngEventParser();

  private EventParseResult parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String event(String type, String object) {
    return "{\"id\":\"evt_1\",\"type\":\"" + type + "\",\"created_at\":\"2026-11-22T10:00:00Z\","
        + "\"data\":{\"object\":" + object + "}}";
  }

  @Test
  void parse_orderEvent_keyedBySalesOrderTypeAndIdWithVersion() {
    EventParseResult r = parse(event("order.updated", "{\"id\":\"ord_1\","
        + "\"updated_at\":\"2026-11-22T10:00:01.000Z\",\"version\":3}"));

    WebhookEvent e = ((EventParseResult.Parsed) r).event();
    assertThat(e.recordKey()).isEqualTo("sales_order:ord_1");
    assertThat(e.recordVersion().version()).hasValue(3);
    assertThat(e.recordVersion().updatedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:01Z"));
  }

  @Test
  void parse_inventoryEvent_keyedBySkuAndLocation() {
    EventParseResult r = parse(event("inventory.updated", "{\"id\":\"lvl_1\",\"sku\":\"A,1\","
        + "\"location\":\"WH\",\"updated_at\":\"2026-11-22T10:00:01.000Z\",\"version\":1}"));

    assertThat(((EventParseResult.Parsed) r).event().recordKey())
        .isEqualTo("inventory_level:sku=A\\,1,location=WH");
  }

  @Test
  void parse_unknownEventType_parsedForTheRouterToIgnore() {
    EventParseResult r = parse(event("widget.created", "{\"id\":\"wid_1\","
        + "\"updated_at\":\"2026-11-22T10:00:01.000Z\"}"));

    assertThat(((EventParseResult.Parsed) r).event().recordKey()).isEqualTo("widget:wid_1");
  }

  @Test
  void parse_badBodies_malformedWithReason() {
    assertThat(parse("{")).isInstanceOf(EventParseResult.Malformed.class);
    assertThat(parse("[]")).isInstanceOf(EventParseResult.Malformed.class);
    assertThat(parse("{\"id\":\"a\",\"id\":\"b\"}")).isInstanceOf(EventParseResult.Malformed.class);
    assertThat(parse(event("customer.created", "{\"id\":\"cus_1\"}")))
        .isInstanceOf(EventParseResult.Malformed.class); // no updated_at
    assertThat(parse(event("customer.created", "{\"id\":\"cus_1\",\"updated_at\":\"x\"}")))
        .isInstanceOf(EventParseResult.Malformed.class);
    assertThat(parse(event("customer.created", "{\"id\":\"cus_1\",\"version\":\"x\","
        + "\"updated_at\":\"2026-11-22T10:00:01.000Z\"}")))
        .isInstanceOf(EventParseResult.Malformed.class);
    assertThat(parse(event("customer.created", "[]")))
        .isInstanceOf(EventParseResult.Malformed.class);
    assertThat(parse(event("customer.created", "{\"updated_at\":\"2026-11-22T10:00:01Z\"}")))
        .isInstanceOf(EventParseResult.Malformed.class); // no id
  }
}
