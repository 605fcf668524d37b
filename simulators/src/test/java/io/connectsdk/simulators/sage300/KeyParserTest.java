package io.connectsdk.simulators.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyParserTest {
  private static final ResourceSpec CUSTOMERS = ResourceCatalog.customers();
  private static final ResourceSpec INVOICE_BATCHES =
      ResourceCatalog.batch("AR", "ARInvoiceBatches", "Invoices");
  private static final ResourceSpec RECEIPTS = ResourceCatalog.receiptBatches();

  @Test
  void parse_quotedString_returnsValue() {
    assertThat(KeyParser.parse(CUSTOMERS, "'1200'").parts()).containsExactly("1200");
  }

  @Test
  void parse_doubledQuote_unescapes() {
    assertThat(KeyParser.parse(CUSTOMERS, "'O''Brien, (Ltd)='").parts())
        .containsExactly("O'Brien, (Ltd)=");
  }

  @Test
  void parse_namedSingleKey_accepted() {
    assertThat(KeyParser.parse(CUSTOMERS, "CustomerNumber='A B'").parts()).containsExactly("A B");
  }

  @Test
  void parse_numericKey_returnsLong() {
    assertThat(KeyParser.parse(INVOICE_BATCHES, "66").parts()).containsExactly(66L);
  }

  @Test
  void parse_composite_readsBothInKeyOrder() {
    assertThat(KeyParser.parse(RECEIPTS, "BatchNumber=65,BatchRecordType='CA'").parts())
        .containsExactly("CA", 65L);
  }

  @Test
  void parse_quotedNumericKey_rejected() {
    assertInvalid(INVOICE_BATCHES, "'66'");
  }

  @Test
  void parse_unquotedStringKey_rejected() {
    assertInvalid(CUSTOMERS, "1200");
  }

  @Test
  void parse_compositePositional_rejected() {
    assertInvalid(RECEIPTS, "'CA',65");
  }

  @Test
  void parse_compositeMissingPart_rejected() {
    assertInvalid(RECEIPTS, "BatchRecordType='CA'");
  }

  @Test
  void parse_wrongName_rejected() {
    assertInvalid(RECEIPTS, "BatchRecordType='CA',Batch=65");
  }

  @Test
  void parse_unterminatedString_rejected() {
    assertInvalid(CUSTOMERS, "'12");
  }

  @Test
  void parse_trailingText_rejected() {
    assertInvalid(CUSTOMERS, "'12'x");
  }

  @Test
  void format_roundTripsThroughParse() {
    RecordKey key = new RecordKey(List.of("CA", 65L));
    assertThat(KeyParser.format(RECEIPTS, key)).isEqualTo("(BatchRecordType='CA',BatchNumber=65)");
    RecordKey quoted = new RecordKey(List.of("O'Brien"));
    String text = KeyParser.format(CUSTOMERS, quoted);
    assertThat(text).isEqualTo("('O''Brien')");
    assertThat(KeyParser.parse(CUSTOMERS, text.substring(1, text.length() - 1))).isEqualTo(quoted);
  }

  private static void assertInvalid(ResourceSpec spec, String predicate) {
    assertThatThrownBy(() -> KeyParser.parse(spec, predicate))
        .isInstanceOfSatisfying(SageError.class, e -> {
          assertThat(e.status).isEqualTo(400);
          assertThat(e.code).isEqualTo("InvalidEntityKey");
        });
  }
}
