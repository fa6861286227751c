/**
 * The bodies of Bacalhau's REST API ({@code /api/v1}): plain Jackson records that the server and
 * the HTTP client share, with the keys Bacalhau's clients send and expect. Models inside them
 * (jobs, executions, nodes) are written by core's {@code Codecs.json()}.
 */
package io.bacalhau.core.client.api;
