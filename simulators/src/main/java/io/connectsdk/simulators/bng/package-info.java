/** A stateful fake of the BNG v1 operations cloud API ({@code systems/bng.md}). */
package io.connectsdk.simulators.bng;
