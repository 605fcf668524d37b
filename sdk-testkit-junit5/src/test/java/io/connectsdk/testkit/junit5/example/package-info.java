/** An example of extending the contract test from a connector author's own package. */
package io.connectsdk.testkit.junit5.example;
