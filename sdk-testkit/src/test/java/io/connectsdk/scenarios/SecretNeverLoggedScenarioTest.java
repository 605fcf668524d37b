package io.connectsdk.scenarios;

import static io.connectsdk.scenarios.Customers.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Secret;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.spi.ForwardingConnector;
import io.connectsdk.core.spi.WriteError;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.testkit.FakeClock;
import io.connectsdk.testkit.InMemoryConnector;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A job whose target connector holds a password, and whose remote echoes that password and the
 * records' field values in its error messages, never logs either: the engine logs ids, kinds,
 * codes and field paths only, with the job and record in the MDC.
 */
class SecretNeverLoggedScenarioTest {
  private static final String PASSWORD = "hunter2-Sup3rS3cret";
  private static final String PERSONAL = "Zebediah Quux";
  private final Logger sdkLogger = (Logger) LoggerFactory.getLogger("io.connectsdk");
  /** Captures each event's MDC when it is logged (logback reads it lazily otherwise). */
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  };

  /** Connection settings as a connector builder would keep them. */
  record Config(String url, String user, Secret password) {}

  /** A target whose remote is careless: its error messages quote the password and the data. */
  static final class CarelessConnector extends ForwardingConnector {
    final Config config;
    final AtomicInteger calls = new AtomicInteger();

    CarelessConnector(Config config, InMemoryConnector delegate) {
      super(delegate);
      this.config = config;
    }

    @Override
    public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
      if (calls.incrementAndGet() == 1) {
        throw new TransientException(system(), "503 from " + config.url() + " user "
            + config.user() + " password " + config.password().reveal());
      }
      return super.write(type, requests);
    }

    @Override
    public String toString() {
      return "CarelessConnector" + config;
    }
  }

  @BeforeEach
  void capture() {
    appender.start();
    sdkLogger.addAppender(appender);
    sdkLogger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    sdkLogger.detachAppender(appender);
    sdkLogger.setLevel(null);
  }

  @Test
  void runOnce_connectorWithSecret_neverLogsSecretOrFieldValues() {
    FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
    InMemoryConnector bng = InMemoryConnector.builder().system("bng").type(CUSTOMER)
        .clock(clock).build();
    bng.put(Customers.customer("c1", PERSONAL, "zeb@example.com"));
    bng.put(Customers.customer("c2", "Rejected " + PERSONAL, "rej@example.com"));
    bng.put(Customers.customer("c3", "", "nameless@example.com"));
    InMemoryConnector store = InMemoryConnector.builder().system("sage300").type(CUSTOMER)
        .clock(clock).build();
    store.faults().rejectWhere(f -> f.path("Name").asText().startsWith("Rejected"),
        WriteError.permanent("RecordInvalid", "bad name '" + "Rejected " + PERSONAL
            + "' for login " + PASSWORD).withField("Name"));
    CarelessConnector sage = new CarelessConnector(
        new Config("https://sage.example.com", "ADMIN", Secret.of(PASSWORD)), store);
    Stores stores = Stores.inMemory(clock);
    SyncJob job = SyncJob.builder("secure-job").source(bng, CUSTOMER)
        .mapping(Customers.toSage()).target(sage, CUSTOMER).stores(stores).clock(clock)
        .sleeper(clock).build();

    job.runOnce();
    store.faults().authFailNext(io.connectsdk.testkit.ConnectorOperation.WRITE, 1);
    bng.put(Customers.customer("c4", PERSONAL + " II", "two@example.com"));
    assertThatThrownBy(job::runOnce).isInstanceOf(AuthenticationException.class);

    // the run did what it should, so there was something to log
    assertThat(store.count(CUSTOMER)).isEqualTo(1);
    assertThat(stores.deadLetters().count("secure-job")).isEqualTo(2);
    List<ILoggingEvent> logged = List.copyOf(appender.list);
    assertThat(logged).hasSizeGreaterThan(5);
    for (ILoggingEvent e : logged) {
      String everything = e.getFormattedMessage() + " " + e.getMDCPropertyMap() + " "
          + throwableText(e.getThrowableProxy());
      assertThat(everything).as("log line: %s", e.getFormattedMessage())
          .doesNotContain(PASSWORD).doesNotContain("Zebediah").doesNotContain("Quux")
          .doesNotContain("example.com");
    }
    // the job is in the MDC of every engine line; record lines name the record
    assertThat(logged).allSatisfy(e ->
        assertThat(e.getMDCPropertyMap()).containsEntry("job", "secure-job"));
    assertThat(logged).filteredOn(e -> e.getLevel() == Level.WARN
            && e.getFormattedMessage().contains("dead-lettered"))
        .extracting(e -> e.getMDCPropertyMap().get("record"))
        .containsExactlyInAnyOrder("bng:customer:c2", "bng:customer:c3");
    assertThat(logged).anySatisfy(e ->
        assertThat(e.getFormattedMessage()).contains("RecordInvalid at Name"));
    // and the MDC is clean once the job returns or throws
    assertThat(MDC.get("job")).isNull();
    assertThat(MDC.get("record")).isNull();
  }

  private static String throwableText(IThrowableProxy proxy) {
    if (proxy == null) {
      return "";
    }
    return proxy.getClassName() + ": " + proxy.getMessage() + " "
        + throwableText(proxy.getCause()) + List.of(proxy.getSuppressed()).stream()
            .map(SecretNeverLoggedScenarioTest::throwableText).collect(Collectors.joining(" "));
  }
}
