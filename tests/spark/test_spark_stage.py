"""The staged output is read back in output order: partition by partition, file by file."""

from netvet.spark.stage import file_order

UUID = "2fd3b33f-c64b-448a-818a-926e79d66d23"  # a -c segment that is not the file counter


def staged(partition: int, counter: int) -> str:
    return f"file:///tmp/stage/0/part-{partition:05d}-{UUID}-c{counter:03d}.snappy.parquet"


def test_staged_files_sort_by_partition_then_file_number() -> None:
    names = [staged(10, 0), staged(2, 1), staged(2, 1000), staged(2, 0), staged(2, 999)]
    ordered = sorted(names, key=file_order)
    assert ordered == [staged(2, 0), staged(2, 1), staged(2, 999), staged(2, 1000), staged(10, 0)]
    assert sorted(names) != ordered  # by name, c1000 would come before c999
    assert file_order(staged(2, 1000))[:2] == (2, 1000)
