package io.connectsdk.testkit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.connectsdk.core.spi.Connector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The contract test catches broken connectors: run through the JUnit launcher, they fail. */
class ContractCanFailTest {

  private static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(testClass))
        .configurationParameter(SelfTestOnly.KEY, "true")
        .build(), listener);
    return listener.getSummary();
  }

  private static List<String> failedMethods(TestExecutionSummary summary) {
    return summary.getFailures().stream()
        .map(f -> f.getTestIdentifier().getSource().orElseThrow())
        .map(s -> ((MethodSource) s).getMethodName())
        .toList();
  }

  @Test
  void contract_healthyConnector_allRunTestsSucceed() {
    TestExecutionSummary summary = run(InMemoryConnectorContractTest.class);

    assertThat(summary.getTestsFoundCount()).isEqualTo(19);
    assertThat(summary.getTestsSucceededCount()).isEqualTo(19);
    assertThat(summary.getTotalFailureCount()).isZero();
  }

  @Test
  void contract_connectorRepeatingRecordsAcrossPages_failsTheExactlyOnceReadTests() {
    TestExecutionSummary summary = run(RepeatingPagesContract.class);

    assertThat(failedMethods(summary)).containsExactlyInAnyOrder(
        "readChanges_allPagesFromBeginning_returnEveryRecordExactlyOnce",
        "readChanges_resumeFromSavedCursor_returnsTheRestExactlyOnce");
    assertThat(summary.getTestsSucceededCount()).isEqualTo(13);
    assertThat(summary.getTestsSkippedCount()).isZero();
    assertThat(summary.getTestsAbortedCount()).as("failNextCall off").isEqualTo(4);
  }

  @Test
  void contract_connectorDuplicatingRepeatedUpserts_failsTheUpsertTest() {
    TestExecutionSummary summary = run(DuplicatingWritesContract.class);

    assertThat(failedMethods(summary)).containsExactly(
        "write_sameRequestRepeated_createsNothingNewAndReturnsSameTargetId",
        "write_sameKeyOtherContent_neverCreatesASecondRecord",
        "write_recoveryOfAnEarlierCreate_updatesThatRecordInsteadOfCreatingAnother");
    assertThat(summary.getTestsSucceededCount()).isEqualTo(11);
    assertThat(summary.getTestsAbortedCount()).as("failNextCall off, no delete").isEqualTo(5);
  }

  @Test
  void contract_brokenSubclassOutsideSelfTest_isDisabledNotRun() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(RepeatingPagesContract.class)).build(), listener);

    assertThat(listener.getSummary().getTestsStartedCount()).isZero();
    assertThat(listener.getSummary().getContainersSkippedCount()).isEqualTo(1);
  }

  /** Same setup as the healthy contract, but pages overlap. */
  @ExtendWith(SelfTestOnly.class)
  static class RepeatingPagesContract extends InMemoryConnectorContractTest {
    @Override
    protected Connector newConnector() {
      return BrokenConnectors.repeatingPages();
    }

    @Override
    protected boolean failNextCall(Connector connector, io.connectsdk.core.ErrorKind kind) {
      return false;
    }
  }

  /** Same setup as the healthy contract, but repeated upserts create duplicates. */
  @ExtendWith(SelfTestOnly.class)
  static class DuplicatingWritesContract extends InMemoryConnectorContractTest {
    @Override
    protected Connector newConnector() {
      return BrokenConnectors.duplicatingWrites();
    }

    @Override
    protected boolean failNextCall(Connector connector, io.connectsdk.core.ErrorKind kind) {
      return false;
    }
  }
}
