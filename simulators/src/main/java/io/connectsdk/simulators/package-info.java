/** In-process fakes of the remote APIs on loopback, one package per system. */
@NullMarked
package io.connectsdk.simulators;

import org.jspecify.annotations.NullMarked;
