package io.connectsdk.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** {@link Auth#bearer}: the token on every same-origin request, one renewal and replay on 401. */
final class BearerAuth implements Auth {
  private final TokenSource tokens;

  BearerAuth(TokenSource tokens) {
    this.tokens = tokens;
  }

  @Override
  public Interceptor interceptor(Endpoint endpoint) {
    return chain -> {
      Request request = chain.request();
      if (!endpoint.isSameOrigin(request.url())) {
        return chain.proceed(request);
      }
      Token token = tokens.token();
      Response response = chain.proceed(withToken(request, token));
      if (response.code() != 401 || !replayable(request)) {
        return response;
      }
      response.close();
      Token fresh = tokens.renew(token);
      return chain.proceed(withToken(request, fresh));
    };
  }

  private static boolean replayable(Request request) throws IOException {
    return request.body() == null || !request.body().isOneShot();
  }

  private static Request withToken(Request request, Token token) {
    return request.newBuilder().header("Authorization", "Bearer " + token.value().reveal()).build();
  }

  @Override
  public String toString() {
    return "Auth.bearer(" + tokens + ")";
  }
}
