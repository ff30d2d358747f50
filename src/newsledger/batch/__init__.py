"""Parallel and distributed processing: ``ingest --workers N`` (a local process pool, one writer) and
``newsledger batch`` (partitions on Dask workers, Parquet out, a manifest to resume). Nothing is imported
here: ``dask`` only loads when a Dask executor is asked for."""
