package io.connectsdk.simulators.bng;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.simulators.base.SimAnswer;
import java.util.Map;
import okhttp3.HttpUrl;

/** The {@code /api/v1} operations of an authenticated, admitted request. */
final class ApiHandler {
  private final BngStore store;
  private final RecordWriter writer;
  private final IdempotencyCache idempotency;
  private final int defaultLimit;

  ApiHandler(BngStore store, RecordWriter writer, IdempotencyCache idempotency, int defaultLimit) {
    this.store = store;
    this.writer = writer;
    this.idempotency = idempotency;
    this.defaultLimit = defaultLimit;
  }

  SimAnswer apply(String tenant, String method, Route route, HttpUrl url, String body,
      String idempotencyKey, String ifMatch) {
    Resource r = route.resource();
    try {
      switch (method) {
        case "GET" -> {
          return route.isCollection() ? list(r, url) : get(route);
        }
        case "POST" -> {
          if (route.isCollection() && r != Resource.INVENTORY) {
            return create(tenant, r, url.encodedPath(), body, idempotencyKey);
          }
        }
        case "PATCH" -> {
          if (!route.isCollection() && r != Resource.INVENTORY) {
            ObjectNode patch = BngJson.parseObject(body);
            Long version = version(ifMatch);
            synchronized (store) {
              return ok(200, writer.patch(r, route.id(), patch, version));
            }
          }
        }
        case "PUT" -> {
          if (r == Resource.INVENTORY && !route.isCollection()) {
            ObjectNode put = BngJson.parseObject(body);
            Long version = version(ifMatch);
            synchronized (store) {
              return ok(200, writer.putInventory(route.id(), route.location(), put, version));
            }
          }
        }
        default -> { }
      }
      throw BngError.notFound("No route for " + method + " " + url.encodedPath() + ".");
    } catch (BngError e) {
      return BngDispatcher.error(e);
    }
  }

  private SimAnswer list(Resource r, HttpUrl url) {
    ListQuery q = ListQuery.parse(r, url, defaultLimit);
    synchronized (store) {
      return ok(200, q.run(store.table(r)));
    }
  }

  private SimAnswer get(Route route) {
    synchronized (store) {
      Table t = store.table(route.resource());
      ObjectNode rec = route.resource() == Resource.INVENTORY
          ? t.byNaturalKey(route.id() + "/" + route.location()) : t.get(route.id());
      if (rec == null) {
        throw BngError.notFound("No " + route.resource().path + " record " + route.id()
            + (route.location() == null ? "" : "/" + route.location()) + ".");
      }
      return ok(200, rec);
    }
  }

  private SimAnswer create(String tenant, Resource r, String path, String body, String key) {
    ObjectNode record = BngJson.parseObject(body);
    synchronized (store) {
      if (key == null || key.isBlank()) {
        return ok(201, writer.create(r, record));
      }
      IdempotencyCache.Answer a = idempotency.run(tenant, key, "POST", path, record,
          () -> new IdempotencyCache.Answer(201, BngJson.write(writer.create(r, record))));
      return new SimAnswer(a.status(), a.body(), BngJson.CONTENT_TYPE, Map.of());
    }
  }

  private static Long version(String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    String v = ifMatch.trim();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw BngError.badRequest("If-Match", "must be a record version");
    }
  }

  private static SimAnswer ok(int status, ObjectNode json) {
    return new SimAnswer(status, BngJson.write(json), BngJson.CONTENT_TYPE, Map.of());
  }
}
