/** The embedder's API: entities, credentials, errors and the sync engine's entry points. */
package io.connectsdk.core;
