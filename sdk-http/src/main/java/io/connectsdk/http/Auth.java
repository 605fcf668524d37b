package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.Interceptor;

/**
 * How a {@link JsonClient} authenticates: an OkHttp interceptor that adds credentials only to
 * requests for the endpoint's origin. Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * Auth.basic("WEBAPI", Secret.of(password))
 * Auth.bearer(TokenSource.oauth2ClientCredentials(tokenUrl, clientId, clientSecret).build())
 * }</pre>
 */
public interface Auth {

  /** The interceptor for a client of {@code endpoint}; called once per client. */
  Interceptor interceptor(Endpoint endpoint);

  /** Secret values to mask in any server text the client turns into an error. */
  default List<String> secrets() {
    return List.of();
  }

  /** No credentials. */
  static Auth none() {
    return endpoint -> chain -> chain.proceed(chain.request());
  }

  /** HTTP Basic, sent preemptively (UTF-8). */
  static Auth basic(String user, Secret password) {
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    String header = Credentials.basic(user, password.reveal(), StandardCharsets.UTF_8);
    return new Auth() {
      @Override
      public Interceptor interceptor(Endpoint endpoint) {
        return chain -> endpoint.isSameOrigin(chain.request().url())
            ? chain.proceed(chain.request().newBuilder().header("Authorization", header).build())
            : chain.proceed(chain.request());
      }

      @Override
      public List<String> secrets() {
        return List.of(password.reveal(), header.substring("Basic ".length()));
      }

      @Override
      public String toString() {
        return "Auth.basic(" + user + ", ***)";
      }
    };
  }

  /**
   * {@code Authorization: Bearer} from a token source; a 401 answer renews the token (one renewal
   * shared by all requests that saw the same stale token) and replays the request once.
   */
  static Auth bearer(TokenSource tokens) {
    return new BearerAuth(requireNonNull(tokens, "tokens"));
  }
}
