/** What every loopback API fake shares: the server, fault injection and call counters. */
package io.connectsdk.simulators.base;
