package io.connectsdk.core.event;

import static io.connectsdk.core.event.TestSignatures.CLOCK;
import static io.connectsdk.core.event.TestSignatures.T;
import static io.connectsdk.core.event.TestSignatures.bytes;
import static io.connectsdk.core.event.TestSignatures.header;
import static io.connectsdk.core.event.TestSignatures.hmacHex;
import static io.connectsdk.core.event.TestSignatures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.Secret;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  private static final String SECRET = "whsec_current";
  private static final byte[] BODY = bytes("{\"id\":\"evt_1\"}");

  private final WebhookVerifier verifier =
      WebhookVerifier.builder().scheme(io.connectsdk.core.event.TestEnvelopes.SCHEME).secrets(Secret.of(SECRET)).clock(CLOCK).build();

  private static WebhookOutcome outcome(Optional<WebhookRejection> r) {
    return r.map(WebhookRejection::outcome).orElse(null);
  }

  @Test
  void verify_validSignature_accepted() {
    assertThat(verifier.verify(signed(SECRET, T, BODY), BODY)).isEmpty();
  }

  @Test
  void verify_headerNameInOtherCase_accepted() {
    String value = "t=" + T + ",v1=" + hmacHex(SECRET, T, BODY);
    WebhookHeaders headers = WebhookHeaders.of(Map.of("bng-signature", List.of(value)));

    assertThat(verifier.verify(headers, BODY)).isEmpty();
  }

  @Test
  void verify_tamperedBody_badSignature() {
    byte[] tampered = bytes("{\"id\":\"evt_2\"}");

    assertThat(outcome(verifier.verify(signed(SECRET, T, BODY), tampered)))
        .isEqualTo(WebhookOutcome.BAD_SIGNATURE);
  }

  @Test
  void verify_signatureDifferingInLastByteOnly_refused() {
    byte[] sig = HexFormat.of().parseHex(hmacHex(SECRET, T, BODY));
    sig[sig.length - 1] ^= 0x01;
    WebhookHeaders headers = header("t=" + T + ",v1=" + HexFormat.of().formatHex(sig));

    assertThat(outcome(verifier.verify(headers, BODY))).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
  }

  @Test
  void verify_otherSecret_badSignatureWithoutLeakingExpected() {
    Optional<WebhookRejection> r = verifier.verify(signed("whsec_other", T, BODY), BODY);

    assertThat(outcome(r)).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
    assertThat(r.get().detail()).doesNotContain(SECRET).doesNotContain(hmacHex(SECRET, T, BODY));
    assertThat(r.get().toString()).doesNotContain(SECRET);
  }

  @Test
  void verify_timestampOutsideWindow_staleBothWays() {
    assertThat(outcome(verifier.verify(signed(SECRET, T - 301, BODY), BODY)))
        .isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
    assertThat(outcome(verifier.verify(signed(SECRET, T + 301, BODY), BODY)))
        .isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
    assertThat(verifier.verify(signed(SECRET, T - 300, BODY), BODY)).isEmpty();
  }

  @Test
  void verify_customTolerance_applied() {
    WebhookVerifier strict = WebhookVerifier.builder().scheme(io.connectsdk.core.event.TestEnvelopes.SCHEME).secrets(Secret.of(SECRET)).clock(CLOCK)
        .tolerance(Duration.ofSeconds(10)).build();

    assertThat(outcome(strict.verify(signed(SECRET, T - 11, BODY), BODY)))
        .isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
  }

  @Test
  void verify_missingHeader_missingSignature() {
    assertThat(outcome(verifier.verify(WebhookHeaders.of(Map.of()), BODY)))
        .isEqualTo(WebhookOutcome.MISSING_SIGNATURE);
  }

  @Test
  void verify_malformedHeaders_malformedSignatureWithReason() {
    String sig = hmacHex(SECRET, T, BODY);
    assertMalformed("v1=" + sig, "no timestamp");
    assertMalformed("t=" + T, "no 'v1=' signature");
    assertMalformed("t=abc,v1=" + sig, "not a number");
    assertMalformed("t=" + T + ",t=" + T + ",v1=" + sig, "more than one timestamp");
    assertMalformed("t=" + T + ",v1=zz" + sig.substring(2), "no well-formed");
    assertMalformed("t=" + T + ",v1=" + sig.substring(2), "no well-formed");
    assertMalformed("garbage", "no timestamp");
    assertMalformed("t=" + T + ",v1=" + sig + ",x=" + "a".repeat(5000), "longer than");
  }

  private void assertMalformed(String headerValue, String reason) {
    Optional<WebhookRejection> r = verifier.verify(header(headerValue), BODY);
    assertThat(outcome(r)).as(headerValue).isEqualTo(WebhookOutcome.MALFORMED_SIGNATURE);
    assertThat(r.get().detail()).contains(reason);
  }

  @Test
  void verify_severalV1Values_anyMatchingAccepted() {
    String value = "t=" + T + ",v1=" + hmacHex("whsec_old", T, BODY) + ",v0=ignored,v1="
        + hmacHex(SECRET, T, BODY);

    assertThat(verifier.verify(header(value), BODY)).isEmpty();
  }

  @Test
  void verify_rotation_oldAndNewAcceptedRemovedRefused() {
    AtomicReference<List<Secret>> active =
        new AtomicReference<>(List.of(Secret.of("whsec_new"), Secret.of("whsec_old")));
    WebhookVerifier rotating =
        WebhookVerifier.builder().scheme(io.connectsdk.core.event.TestEnvelopes.SCHEME).secretSource(active::get).clock(CLOCK).build();

    assertThat(rotating.verify(signed("whsec_new", T, BODY), BODY)).isEmpty();
    assertThat(rotating.verify(signed("whsec_old", T, BODY), BODY)).isEmpty();

    active.set(List.of(Secret.of("whsec_new")));

    assertThat(rotating.verify(signed("whsec_new", T, BODY), BODY)).isEmpty();
    assertThat(outcome(rotating.verify(signed("whsec_old", T, BODY), BODY)))
        .isEqualTo(WebhookOutcome.BAD_SIGNATURE);
  }

  @Test
  void verify_noActiveSecret_refused() {
    WebhookVerifier empty =
        WebhookVerifier.builder().scheme(io.connectsdk.core.event.TestEnvelopes.SCHEME).secretSource(List::<Secret>of).clock(CLOCK).build();

    Optional<WebhookRejection> r = empty.verify(signed(SECRET, T, BODY), BODY);
    assertThat(outcome(r)).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
    assertThat(r.get().detail()).contains("no active webhook secret");
  }

  @Test
  void sign_matchesIndependentHmac() {
    assertThat(io.connectsdk.core.event.TestEnvelopes.SCHEME.sign(Secret.of(SECRET), T, BODY))
        .isEqualTo("t=" + T + ",v1=" + hmacHex(SECRET, T, BODY));
  }

  @Test
  void customScheme_readsItsOwnHeader() {
    SignatureScheme scheme = new SignatureScheme("X-Sig", "ts", "s1");
    WebhookVerifier custom = WebhookVerifier.builder().scheme(io.connectsdk.core.event.TestEnvelopes.SCHEME).scheme(scheme)
        .secrets(List.of(Secret.of(SECRET))).clock(CLOCK).build();
    WebhookHeaders headers = WebhookHeaders.of(Map.of("x-sig",
        List.of(scheme.sign(Secret.of(SECRET), T, BODY))));

    assertThat(custom.verify(headers, BODY)).isEmpty();
    assertThat(headers.first("X-SIG")).isPresent();
  }

  @Test
  void builder_withoutSecrets_refused() {
    assertThatThrownBy(() -> WebhookVerifier.builder().scheme(io.connectsdk.core.event.TestEnvelopes.SCHEME).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> WebhookVerifier.builder().scheme(io.connectsdk.core.event.TestEnvelopes.SCHEME).secrets(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
