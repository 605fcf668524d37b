/** In-process fakes of the remote APIs on loopback, one package per system. */
package io.connectsdk.simulators;
