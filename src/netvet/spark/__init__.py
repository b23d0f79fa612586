"""The Spark engine (extra `netvet[spark]`): the Arrow batch functions run unchanged on a
cluster through `mapInArrow`. PySpark is imported here and nowhere else, and only lazily."""
