package io.connectsdk.simulators.sage300;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fixed configuration of one simulator, copied out of the builder.
 *
 * @param companies company ids served, first is the default for the short helpers
 * @param users sign-ons keyed by upper-case name
 * @param specs resources keyed by "MODULE/Resource"
 * @param clock source of DateLastMaintained / DateLastEdited
 * @param pageSize server page size
 * @param maxConcurrent requests in flight above which the server answers TooManyRequests
 * @param tooManyRequestsStatus status of a TooManyRequests answer (429 or 503)
 * @param retryAfter Retry-After sent with TooManyRequests, or null for none
 * @param duplicateStatus status of RecordDuplicate
 * @param recordInvalidStatus status of RecordInvalid
 * @param updateReturnsRecord whether PATCH/PUT answer 200 with the record (else 204)
 * @param seed seed of the fault Random
 */
record SimSettings(
    List<String> companies,
    Map<String, SimUser> users,
    Map<String, ResourceSpec> specs,
    Clock clock,
    int pageSize,
    int maxConcurrent,
    int tooManyRequestsStatus,
    Duration retryAfter,
    int duplicateStatus,
    int recordInvalidStatus,
    boolean updateReturnsRecord,
    long seed) {
  SimSettings {
    companies = List.copyOf(companies);
    users = Map.copyOf(users);
    specs = Map.copyOf(specs);
  }
}
