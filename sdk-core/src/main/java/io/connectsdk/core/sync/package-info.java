/** The sync engine: jobs that read changes, map them and write them to targets, exactly once in effect. */
@NullMarked
package io.connectsdk.core.sync;

import org.jspecify.annotations.NullMarked;
