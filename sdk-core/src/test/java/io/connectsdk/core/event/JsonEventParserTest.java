package io.connectsdk.core.event;

import static io.connectsdk.core.event.TestSignatures.bytes;
import static io.connectsdk.core.event.TestSignatures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonEventParserTest {
  private final JsonEventParser parser = JsonEventParser.bng();

  private WebhookEvent parsed(String json) {
    EventParseResult r = parser.parse(bytes(json));
    assertThat(r).isInstanceOf(EventParseResult.Parsed.class);
    return ((EventParseResult.Parsed) r).event();
  }

  private String malformed(String json) {
    EventParseResult r = parser.parse(bytes(json));
    assertThat(r).as(json).isInstanceOf(EventParseResult.Malformed.class);
    return ((EventParseResult.Malformed) r).reason();
  }

  @Test
  void parse_bngEnvelope_extractsEventAndRecordVersion() {
    WebhookEvent e = parsed(event("evt_1", "order.updated", "ord_9", "2026-11-22T09:00:00.123Z", 4));

    assertThat(e.id()).isEqualTo("evt_1");
    assertThat(e.type()).isEqualTo("order.updated");
    assertThat(e.entity()).isEqualTo("order");
    assertThat(e.createdAt()).isEqualTo(Instant.parse("2026-11-22T09:59:59Z"));
    assertThat(e.recordKey()).isEqualTo("order:ord_9");
    assertThat(e.recordVersion())
        .isEqualTo(RecordVersion.of(Instant.parse("2026-11-22T09:00:00.123Z"), 4)
            .withContentHash(io.connectsdk.core.sync.ContentHash.of(e.object())));
    assertThat(e.object().get("total").textValue()).isEqualTo("12.50");
    assertThat(e.object().get("weight").decimalValue()).isEqualTo(new BigDecimal("0.10"));
  }

  @Test
  void parse_objectWithoutVersion_versionEmpty() {
    WebhookEvent e = parsed("""
        {"id":"evt_1","type":"item.created","created_at":"2026-11-22T10:00:00Z",
         "data":{"object":{"id":"itm_1","updated_at":"2026-11-22T10:00:00Z"}}}""");

    assertThat(e.recordVersion().version()).isEmpty();
  }

  @Test
  void event_object_isACopy() {
    WebhookEvent e = parsed(event("evt_1", "order.created", "ord_1", "2026-11-22T09:00:00Z", 1));

    e.object().put("total", "0");

    assertThat(e.object().get("total").asText()).isEqualTo("12.50");
    assertThat(e.toString()).doesNotContain("12.50");
  }

  @Test
  void parse_badInput_malformedWithReason() {
    assertThat(malformed("{not json")).startsWith("not valid JSON");
    assertThat(malformed("")).contains("not a JSON object");
    assertThat(malformed("[1,2]")).contains("not a JSON object");
    assertThat(malformed("{\"type\":\"order.created\"}")).contains("missing field 'id'");
    assertThat(malformed("""
        {"id":7,"type":"order.created"}""")).contains("field 'id' must be a string");
    assertThat(malformed("""
        {"id":" ","type":"order.created"}""")).contains("field 'id' is empty");
    assertThat(malformed("""
        {"id":"evt_1","type":"order.created","created_at":"yesterday"}"""))
        .contains("'created_at' is not an ISO-8601 instant");
    assertThat(malformed("""
        {"id":"evt_1","type":"order.created","created_at":"2026-11-22T10:00:00Z","data":{}}"""))
        .contains("no JSON object at /data/object");
    assertThat(malformed("""
        {"id":"evt_1","type":"order.created","created_at":"2026-11-22T10:00:00Z",
         "data":{"object":{"updated_at":"2026-11-22T10:00:00Z"}}}"""))
        .contains("missing field '/data/object/id'");
    assertThat(malformed("""
        {"id":"evt_1","type":"order.created","created_at":"2026-11-22T10:00:00Z",
         "data":{"object":{"id":"o","updated_at":"2026-11-22T10:00:00Z","version":"3"}}}"""))
        .contains("'/data/object/version' must be an integer");
  }

  @Test
  void parse_duplicateKeysOrTrailingData_malformed() {
    String ok = event("evt_1", "order.created", "ord_1", "2026-11-22T09:00:00Z", 1);

    assertThat(malformed("{\"id\":\"evt_0\"," + ok.substring(1))).startsWith("not valid JSON");
    assertThat(malformed(ok + " {}")).startsWith("not valid JSON");
  }

  @Test
  void parse_customFieldNames_used() {
    JsonEventParser custom = new JsonEventParser("eventId", "kind", "ts", "/payload", "key",
        "modified", "");
    EventParseResult r = custom.parse(bytes("""
        {"eventId":"e1","kind":"customer.updated","ts":"2026-11-22T10:00:00Z",
         "payload":{"key":"C1","modified":"2026-11-22T09:00:00Z","version":"ignored"}}"""));

    assertThat(r).isInstanceOf(EventParseResult.Parsed.class);
    assertThat(((EventParseResult.Parsed) r).event().recordKey()).isEqualTo("customer:C1");
  }
}
