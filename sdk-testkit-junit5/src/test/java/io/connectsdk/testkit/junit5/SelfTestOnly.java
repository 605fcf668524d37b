package io.connectsdk.testkit.junit5;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a deliberately broken contract subclass only when {@link ContractCanFailTest} launches it:
 * in the normal build those classes would (rightly) fail.
 */
final class SelfTestOnly implements ExecutionCondition {
  static final String KEY = "connectsdk.testkit.contract-self-test";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(KEY).filter("true"::equals).isPresent()
        ? ConditionEvaluationResult.enabled("launched by the contract self-test")
        : ConditionEvaluationResult.disabled("broken on purpose; run by ContractCanFailTest only");
  }
}
