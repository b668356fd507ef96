// Answers every message at once with the same text (benchmarks/bare/echo.html).
addEventListener("message", ({ data }) => postMessage(data));
