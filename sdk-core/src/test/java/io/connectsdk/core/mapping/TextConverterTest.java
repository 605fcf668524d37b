package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.core.mapping.TextConverter.Op;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextConverterTest {
  private static TextConverter op(Op op) {
    return new TextConverter(op, 0);
  }

  private static JsonNode convert(Converter converter, JsonNode value, Ctx ctx) {
    return converter.convert(value, json("{}"), ctx, "a");
  }

  @Test
  void fuse_consecutiveTextConversions_becomeOneConverter() {
    Converter table = new TableConverter("valueMap", "", Map.of(), null, false);

    Converter[] fused = TextConverter.fuse(
        new Converter[] {op(Op.TRIM), op(Op.UPPER), table, op(Op.LOWER), op(Op.TRIM)});

    assertThat(fused).hasSize(3);
    assertThat(fused[1]).isSameAs(table);
    assertThat(convert(fused[0], TextNode.valueOf(" ab "), Ctx.root()).textValue())
        .isEqualTo("AB");
  }

  @Test
  void convert_fusedConversions_applyInOrder() {
    Converter truncateThenTrim =
        TextConverter.fuse(new Converter[] {new TextConverter(Op.TRUNCATE, 3), op(Op.TRIM)})[0];
    Converter trimThenTruncate =
        TextConverter.fuse(new Converter[] {op(Op.TRIM), new TextConverter(Op.TRUNCATE, 3)})[0];

    assertThat(convert(truncateThenTrim, TextNode.valueOf(" abcd"), Ctx.root()).textValue())
        .isEqualTo("ab");
    assertThat(convert(trimThenTruncate, TextNode.valueOf(" abcd"), Ctx.root()).textValue())
        .isEqualTo("abc");
  }

  @Test
  void convert_nothingChanges_returnsTheSameNode() {
    Converter fused = TextConverter.fuse(new Converter[] {op(Op.TRIM), op(Op.UPPER)})[0];
    JsonNode value = TextNode.valueOf("ABC");

    assertThat(convert(fused, value, Ctx.root())).isSameAs(value);
  }

  @Test
  void convert_containerIntoFusedConversions_isErrorOfTheFirst() {
    Converter fused = TextConverter.fuse(new Converter[] {op(Op.UPPER), op(Op.TRIM)})[0];
    Ctx ctx = Ctx.root();

    assertThat(convert(fused, json("{}"), ctx)).isNull();
    assertThat(ctx.errors()).extracting(FieldError::path, FieldError::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "upper"));
  }
}
