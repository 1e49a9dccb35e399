# 名前
import tensorflow as tf
with tf.name_scope("名前", values=[x]), tf.name_scope("é", values=[y]):
    pass
