"""Provider batch jobs: the bulk through OpenAI's Batch API at half the price, repaired by live re-asks.

`python -m extractor batch IN -o OUT --via provider-batch`:

1. plan: one request line per article (`custom_id` = article id, POST /v1/chat/completions, `body` the
   exact body the live path would send: Extractor.batch_body), split into files of at most 50,000
   requests and 200 MB (requests.py), written beside the output in OUT.provider-batch/;
2. submit: upload each file (Files API, purpose "batch") and create its job (24h window) (client.py);
3. poll with backoff until each job is completed, failed, expired or cancelled;
4. collect: download the output and error files, and write one output line per article through the
   live path's parse and checks, re-asking live what fails them and what the job did not answer
   (collect.py).

The state of every job (state.py) is saved before anything is awaited, so killing the process at any
moment and rerunning the same command picks the jobs up again without submitting an article twice,
and writes each id once (run.py). The request files are the Batch API's format, which vLLM's
`run-batch` reads unchanged.
"""

from extractor.batch.provider.requests import MAX_BYTES, MAX_REQUESTS, Limits
from extractor.batch.provider.run import PollPolicy, run_provider_batch

__all__ = ["MAX_BYTES", "MAX_REQUESTS", "Limits", "PollPolicy", "run_provider_batch"]
