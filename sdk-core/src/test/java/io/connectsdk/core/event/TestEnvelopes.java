package io.connectsdk.core.event;

/** The BNG-style signature scheme and envelope the event tests use (core has no default). */
public final class TestEnvelopes {
  public static final SignatureScheme SCHEME = new SignatureScheme("BNG-Signature", "t", "v1");

  private TestEnvelopes() {}

  public static JsonEventParser parser() {
    return new JsonEventParser("id", "type", "created_at", "/data/object", "id", "updated_at",
        "version");
  }
}
