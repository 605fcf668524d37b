/** What every HTTP connector shares: endpoint rules, options, JSON exchange, errors, auth, paging and limits. */
package io.connectsdk.http;
