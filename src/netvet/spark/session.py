"""The SparkSession, and clear errors when PySpark or Java is missing."""

import os
import shutil
import sys
from typing import TYPE_CHECKING

from netvet.errors import UsageError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

INSTALL_PYSPARK = "pip install 'netvet[spark]'"
INSTALL_JAVA = "apt-get install openjdk-17-jre-headless (or set JAVA_HOME to a Java 17+ runtime)"
# Bigger Arrow batches than Spark's 10,000: the engine decides once per distinct fact tuple per
# batch, so fewer batches mean fewer decisions. The CSV parser must see every cell of a row to
# flag rows of the wrong width as corrupt in both the counting and the scanning pass.
CONF = {
    "spark.sql.execution.arrow.maxRecordsPerBatch": "65536",
    "spark.sql.csv.parser.columnPruning.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.log.level": "ERROR",
    # Inventories exported from Windows are cp1252, a charset Spark 4 reads only with this switch.
    "spark.sql.legacy.javaCharsets": "true",
}
# A local master serves no one but this process: no UI, only the loopback address, and the
# workers run this interpreter (the one netvet is installed in), not whatever python3 is first
# on PATH: PySpark reads that only from PYSPARK_PYTHON, so it is set (unless the user set it).
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
}


def require_pyspark() -> None:
    """A UsageError naming the install command when PySpark is not installed."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"--engine spark needs PySpark: {INSTALL_PYSPARK}") from exc


def spark_session(master: str | None = None, conf: dict[str, str] | None = None) -> "SparkSession":
    """A session on `master` (default local[*]); a UsageError naming what to install when
    PySpark or Java is missing."""
    require_pyspark()
    from pyspark.errors import PySparkRuntimeError
    from pyspark.sql import SparkSession

    url = master or "local[*]"
    builder = SparkSession.builder.appName("netvet").master(url)
    settings = {**CONF, **(LOCAL_CONF if url.startswith("local") else {}), **(conf or {})}
    if url.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except PySparkRuntimeError as exc:
        if shutil.which("java") is None:
            raise UsageError(f"--engine spark needs Java, and none was found: {INSTALL_JAVA}") from exc
        raise UsageError(f"Spark did not start on {url}: {exc}") from exc
