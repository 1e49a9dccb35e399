import tensorflow as tf


def f(x, y, name=None):
    with tf.name_scope(
        name,  # caller's name
        "F",
        # the tensors this scope reads
        [x, y],  # values
    ):
        pass
    with tf.name_scope(name,
                       values=[x]  # just x
                       ):
        pass
    # tf.op_scope([x], name) in a comment stays
    doc = """tf.op_scope([x], name) in a string stays"""
    return doc
