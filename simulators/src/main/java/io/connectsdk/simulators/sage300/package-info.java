/** A stateful fake of the Sage 300 Web API (OData over HTTP on loopback) with fault injection. */
@NullMarked
package io.connectsdk.simulators.sage300;

import org.jspecify.annotations.NullMarked;
