package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import java.util.List;

/**
 * Records mapped for every target before their window is processed (the pure part of planning,
 * done on the read-ahead thread): one copy per id, and its preparation per target.
 */
record Premapped(List<Entity> latest, List<List<Preparation>> perTarget) {}
