package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Every error of the API, with the HTTP status repeated in the body as Bacalhau does. */
public record ErrorResponse(
    @JsonProperty("Status") int status,
    @JsonProperty("Message") String message,
    @JsonProperty("RequestID") String requestId,
    @JsonProperty("Code") String code,
    @JsonProperty("Component") String component,
    @JsonProperty("Hint") @JsonInclude(JsonInclude.Include.NON_EMPTY) String hint,
    @JsonProperty("Details") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, String> details) {}
